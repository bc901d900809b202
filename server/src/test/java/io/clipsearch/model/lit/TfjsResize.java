package io.clipsearch.model.lit;

import io.clipsearch.model.image.DecodedImage;

/** tfjs's CPU {@code resizeBilinear} (alignCorners and halfPixelCenters false), for the tests. */
final class TfjsResize {

  private TfjsResize() {}

  /** The whole image resized to {@code size} x {@code size}, divided by 255, as CHW floats. */
  static float[] bilinearChw(DecodedImage image, int size) {
    int w = image.width();
    int h = image.height();
    byte[] rgb = image.rgb();
    float[] out = new float[3 * size * size];
    double rowRatio = (double) h / size;
    double colRatio = (double) w / size;
    for (int r = 0; r < size; r++) {
      double sourceRow = rowRatio * r;
      int top = (int) Math.max(0, Math.floor(sourceRow));
      double rowFrac = sourceRow - top;
      int bottom = (int) Math.min(h - 1, Math.ceil(sourceRow));
      for (int col = 0; col < size; col++) {
        double sourceCol = colRatio * col;
        int left = (int) Math.max(0, Math.floor(sourceCol));
        double colFrac = sourceCol - left;
        int right = (int) Math.min(w - 1, Math.ceil(sourceCol));
        for (int c = 0; c < 3; c++) {
          double topLeft = rgb[(top * w + left) * 3 + c] & 0xFF;
          double topRight = rgb[(top * w + right) * 3 + c] & 0xFF;
          double bottomLeft = rgb[(bottom * w + left) * 3 + c] & 0xFF;
          double bottomRight = rgb[(bottom * w + right) * 3 + c] & 0xFF;
          double upper = topLeft + (topRight - topLeft) * colFrac;
          double lower = bottomLeft + (bottomRight - bottomLeft) * colFrac;
          float v = (float) (upper + (lower - upper) * rowFrac);
          out[(c * size + r) * size + col] = (float) (v / 255.0);
        }
      }
    }
    return out;
  }
}
