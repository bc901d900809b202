package io.clipsearch.faces;

/**
 * A face's box in image pixels, top-left corner and size, as face-api reports it (fractional, not
 * clipped to whole pixels).
 *
 * @throws IllegalArgumentException if a value is not finite or a side is negative
 */
public record FaceBox(double x, double y, double width, double height) {

  public FaceBox {
    if (!Double.isFinite(x)
        || !Double.isFinite(y)
        || !(width >= 0)
        || !(height >= 0)
        || !Double.isFinite(width)
        || !Double.isFinite(height)) {
      throw new IllegalArgumentException(
          "bad face box: " + x + ", " + y + ", " + width + " x " + height);
    }
  }
}
