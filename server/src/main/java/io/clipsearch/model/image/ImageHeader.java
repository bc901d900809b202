package io.clipsearch.model.image;

import com.drew.imaging.FileType;
import java.util.Objects;

/**
 * What {@link ImageDecoder} read from an image's header before any pixel was decoded.
 *
 * @param name the image's name, for error messages
 * @param type the format, sniffed from the file's signature
 * @param width pixels per row as stored (before orientation), positive
 * @param height rows as stored, positive
 * @param orientation the EXIF orientation 1-8 to apply (1 when absent or invalid)
 */
public record ImageHeader(String name, FileType type, int width, int height, int orientation) {

  /**
   * @throws IllegalArgumentException if a size is not positive or the orientation is not 1-8
   */
  public ImageHeader {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
    }
    if (orientation < 1 || orientation > 8) {
      throw new IllegalArgumentException("orientation must be 1-8: " + orientation);
    }
  }
}
