package io.clipsearch.index;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a photo's metadata says: EXIF facts, and what a person said of it in XMP (embedded, or a
 * sidecar's, which wins); every part may be absent. Immutable.
 *
 * @param taken when the photo was taken
 * @param cameraMake camera maker, as written
 * @param cameraModel camera model, as written
 * @param lens lens model
 * @param latitude GPS latitude in degrees
 * @param longitude GPS longitude in degrees
 * @param orientation EXIF orientation 1-8 (1 when absent)
 * @param xmp rating, colour label, keywords, title and description ({@link XmpTags#NONE}: none)
 */
public record PhotoMetadata(
    Optional<Instant> taken,
    Optional<String> cameraMake,
    Optional<String> cameraModel,
    Optional<String> lens,
    Optional<Double> latitude,
    Optional<Double> longitude,
    int orientation,
    XmpTags xmp) {

  public static final PhotoMetadata NONE =
      new PhotoMetadata(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          1,
          XmpTags.NONE);

  /** EXIF facts without XMP. */
  public PhotoMetadata(
      Optional<Instant> taken,
      Optional<String> cameraMake,
      Optional<String> cameraModel,
      Optional<String> lens,
      Optional<Double> latitude,
      Optional<Double> longitude,
      int orientation) {
    this(taken, cameraMake, cameraModel, lens, latitude, longitude, orientation, XmpTags.NONE);
  }

  /**
   * @throws IllegalArgumentException if the orientation is not 1-8, only one of latitude and
   *     longitude is given, or either is out of range
   */
  public PhotoMetadata {
    Objects.requireNonNull(xmp, "xmp");
    if (orientation < 1 || orientation > 8) {
      throw new IllegalArgumentException("EXIF orientation must be 1-8, got " + orientation);
    }
    if (latitude.isPresent() != longitude.isPresent()) {
      throw new IllegalArgumentException("latitude and longitude come together");
    }
    latitude.ifPresent(
        lat -> {
          if (lat < -90 || lat > 90) {
            throw new IllegalArgumentException("latitude out of range: " + lat);
          }
        });
    longitude.ifPresent(
        lon -> {
          if (lon < -180 || lon > 180) {
            throw new IllegalArgumentException("longitude out of range: " + lon);
          }
        });
  }

  /** These facts with other XMP tags. */
  public PhotoMetadata withXmp(XmpTags tags) {
    return new PhotoMetadata(
        taken, cameraMake, cameraModel, lens, latitude, longitude, orientation, tags);
  }
}
