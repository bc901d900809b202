package io.clipsearch.model.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * A decoded picture: 8-bit RGB, interleaved ({@code R G B R G B ...}), rows top to bottom, with any
 * EXIF orientation already applied.
 *
 * <p>The record owns {@code rgb} and does not copy it: a 24-megapixel photo is 72 MB, and a copy
 * per pipeline step would double the peak memory of ingest. Whoever builds one hands the array over
 * and must not write to it afterwards; readers must not write to it either.
 *
 * @param width pixels per row, positive
 * @param height rows, positive
 * @param rgb {@code width * height * 3} bytes
 */
public record DecodedImage(int width, int height, byte[] rgb) {

  /**
   * @throws IllegalArgumentException if a size is not positive or {@code rgb} has the wrong length
   */
  public DecodedImage {
    Objects.requireNonNull(rgb, "rgb");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
    }
    if ((long) width * height * 3 != rgb.length) {
      throw new IllegalArgumentException(
          "rgb has " + rgb.length + " bytes, expected " + width + "*" + height + "*3");
    }
  }

  /** Channel {@code c} (0 = R, 1 = G, 2 = B) of pixel ({@code x}, {@code y}), 0..255. */
  int sample(int x, int y, int c) {
    return rgb[(y * width + x) * 3 + c] & 0xFF;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DecodedImage d
        && width == d.width
        && height == d.height
        && Arrays.equals(rgb, d.rgb);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * width + height) + Arrays.hashCode(rgb);
  }

  @Override
  public String toString() {
    return "DecodedImage[" + width + "x" + height + " RGB]";
  }
}
