package io.clipsearch.index;

import java.time.Instant;
import java.util.Optional;

/**
 * What EXIF says about a photo; every part may be absent. Immutable.
 *
 * @param taken when the photo was taken
 * @param cameraMake camera maker, as written
 * @param cameraModel camera model, as written
 * @param lens lens model
 * @param latitude GPS latitude in degrees
 * @param longitude GPS longitude in degrees
 * @param orientation EXIF orientation 1-8 (1 when absent)
 */
public record PhotoMetadata(
    Optional<Instant> taken,
    Optional<String> cameraMake,
    Optional<String> cameraModel,
    Optional<String> lens,
    Optional<Double> latitude,
    Optional<Double> longitude,
    int orientation) {

  public static final PhotoMetadata NONE =
      new PhotoMetadata(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          1);

  public PhotoMetadata {
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
}
