package io.clipsearch.model.tfjs;

/**
 * tfjs's CPU {@code resizeBilinear} with align corners and half-pixel centres off: the source
 * position of an output pixel is {@code ratio * index}, the four neighbours weighted in double
 * precision and the result rounded to float32, as tfjs computes it. The source is read through a
 * {@link Pixels} function, so padding or a crop never has to be materialized. Stateless.
 */
public final class TfjsResize {

  /** Channel {@code c} (0-2) of the source pixel at ({@code x}, {@code y}). */
  @FunctionalInterface
  public interface Pixels {
    int at(int x, int y, int c);
  }

  private TfjsResize() {}

  /**
   * The {@code width} x {@code height} source resized to {@code outWidth} x {@code outHeight}, RGB
   * floats in HWC order.
   */
  public static float[] bilinear(
      int width, int height, Pixels pixels, int outWidth, int outHeight) {
    float[] out = new float[outWidth * outHeight * 3];
    double rowRatio = (double) height / outHeight;
    double colRatio = (double) width / outWidth;
    int i = 0;
    for (int r = 0; r < outHeight; r++) {
      double sourceRow = rowRatio * r;
      int rowFloor = (int) Math.max(0, Math.floor(sourceRow));
      double rowFrac = sourceRow - rowFloor;
      int rowCeil = (int) Math.min(height - 1, Math.ceil(sourceRow));
      for (int col = 0; col < outWidth; col++) {
        double sourceCol = colRatio * col;
        int colFloor = (int) Math.max(0, Math.floor(sourceCol));
        double colFrac = sourceCol - colFloor;
        int colCeil = (int) Math.min(width - 1, Math.ceil(sourceCol));
        for (int c = 0; c < 3; c++) {
          double topLeft = pixels.at(colFloor, rowFloor, c);
          double topRight = pixels.at(colCeil, rowFloor, c);
          double bottomLeft = pixels.at(colFloor, rowCeil, c);
          double bottomRight = pixels.at(colCeil, rowCeil, c);
          double upper = topLeft + (topRight - topLeft) * colFrac;
          double lower = bottomLeft + (bottomRight - bottomLeft) * colFrac;
          out[i++] = (float) (upper + (lower - upper) * rowFrac);
        }
      }
    }
    return out;
  }
}
