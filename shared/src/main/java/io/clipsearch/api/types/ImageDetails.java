package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * Everything the index knows of an image.
 *
 * @param id content id
 * @param path absolute path
 * @param size bytes
 * @param width upright width
 * @param height upright height
 * @param modified file modification time
 * @param taken EXIF date taken
 * @param cameraMake EXIF camera make
 * @param cameraModel EXIF camera model
 * @param lens EXIF lens
 * @param latitude GPS latitude
 * @param longitude GPS longitude
 * @param orientation EXIF orientation 1-8 (the served image is already upright)
 * @param tags zero-shot tags, best first; empty when the image was indexed before tagging (or sent
 *     by an older server: null becomes empty)
 * @param exposure aperture, shutter, ISO and focal length, read from the file when asked; null when
 *     the file has none or cannot be read (or an older server sent the details)
 * @param credit who to credit for the photo (author, license, source), from its EXIF or XMP, else
 *     from a {@code MANIFEST.tsv} in its folder or one above; null when nothing names one (or an
 *     older server sent the details)
 * @param companions the other files of the same photo: a camera's RAW beside the JPEG or HEIC it
 *     also wrote under the same name ({@code IMG_1.CR2} for {@code IMG_1.JPG}), which is not
 *     indexed on its own; empty when there is none (or an older server sent the details)
 */
@Serdeable
public record ImageDetails(
    String id,
    String path,
    long size,
    int width,
    int height,
    Instant modified,
    @Nullable Instant taken,
    @Nullable String cameraMake,
    @Nullable String cameraModel,
    @Nullable String lens,
    @Nullable Double latitude,
    @Nullable Double longitude,
    int orientation,
    @Nullable List<String> tags,
    @Nullable ExposureInfo exposure,
    @Nullable String credit,
    @Nullable List<String> companions) {

  public ImageDetails {
    tags = tags == null ? List.of() : List.copyOf(tags);
    companions = companions == null ? List.of() : List.copyOf(companions);
  }
}
