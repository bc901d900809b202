package io.clipsearch.model.image;

/** Pixel comparisons shared by the camera-format tests. */
final class PixelDifference {

  private PixelDifference() {}

  /** The mean absolute difference of two same-size pictures' samples, 0..255. */
  static double mean(DecodedImage a, DecodedImage b) {
    if (a.width() != b.width() || a.height() != b.height()) {
      throw new AssertionError(
          "sizes differ: " + a.width() + "x" + a.height() + " and " + b.width() + "x" + b.height());
    }
    long sum = 0;
    for (int i = 0; i < a.rgb().length; i++) {
      sum += Math.abs((a.rgb()[i] & 0xFF) - (b.rgb()[i] & 0xFF));
    }
    return (double) sum / a.rgb().length;
  }
}
