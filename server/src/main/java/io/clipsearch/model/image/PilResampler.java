package io.clipsearch.model.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * Pillow's antialiased convolution resize ({@code Image.resize} with {@code BICUBIC} or {@code
 * BILINEAR}, no {@code reducing_gap}) on interleaved 8-bit pixels, reproduced bit for bit.
 *
 * <p>Why not OpenCV: CLIP checkpoints were trained on images shrunk by Pillow, whose filter widens
 * with the scale factor (antialiasing) and rounds to 8 bits between its two passes. OpenCV's {@code
 * INTER_CUBIC} does neither and {@code INTER_AREA} uses another kernel; both land visibly off the
 * reference tensors. This class follows Pillow's {@code libImaging/Resample.c}: per output pixel a
 * window of {@code support * max(1, scale)} input pixels, weights from the filter normalized to
 * sum 1 then turned into 22-bit fixed point, a horizontal pass over only the input rows the
 * vertical pass needs, then the vertical pass, each rounding half up and clamping to {@code
 * [0,255]}.
 *
 * <p>A {@linkplain #resize(byte[], int, int, int, int, int, Filter, int, int, int, int) windowed
 * variant} computes only a rectangle of the resized image (what a center crop keeps): each output
 * pixel depends only on its own coefficients, so the window equals the same rectangle cropped
 * from the full resize, for less work.
 *
 * <p>Stateless and thread-safe. Inputs are never modified; every call returns a new array.
 */
public final class PilResampler {

  /** Pillow's fixed-point precision: 32 bits minus 8 for the value minus 2 for overshoot. */
  private static final int PRECISION_BITS = 32 - 8 - 2;

  private static final int HALF = 1 << (PRECISION_BITS - 1);

  /** Resampling filters, with Pillow's support radius (in input pixels at scale 1). */
  public enum Filter {
    /** Triangle filter, Pillow's {@code Image.BILINEAR}. */
    BILINEAR(1.0),
    /** Keys cubic with a = -0.5, Pillow's {@code Image.BICUBIC}. */
    BICUBIC(2.0);

    private final double support;

    Filter(double support) {
      this.support = support;
    }

    double weight(double x) {
      double ax = Math.abs(x);
      return switch (this) {
        case BILINEAR -> ax < 1.0 ? 1.0 - ax : 0.0;
        case BICUBIC -> {
          final double a = -0.5;
          if (ax < 1.0) {
            yield ((a + 2.0) * ax - (a + 3.0)) * ax * ax + 1;
          }
          if (ax < 2.0) {
            yield (((ax - 5) * ax + 8) * ax - 4) * a;
          }
          yield 0.0;
        }
      };
    }
  }

  private PilResampler() {}

  /**
   * Resizes a whole image.
   *
   * @param src interleaved pixels, {@code width * height * channels} bytes, row-major
   * @param channels bytes per pixel (1 for gray, 3 for RGB, ...)
   * @return {@code outWidth * outHeight * channels} bytes; a copy of {@code src} when the size is
   *     unchanged (Pillow skips both passes then)
   * @throws IllegalArgumentException if a size is not positive or {@code src} has the wrong length
   */
  public static byte[] resize(
      byte[] src, int width, int height, int channels, int outWidth, int outHeight, Filter filter) {
    return resize(src, width, height, channels, outWidth, outHeight, filter, 0, 0, outWidth, outHeight);
  }

  /**
   * Resizes an image to {@code outWidth x outHeight} and returns only the window {@code [cropX,
   * cropX + cropWidth) x [cropY, cropY + cropHeight)} of the result, identical to cropping the full
   * resize.
   *
   * @return {@code cropWidth * cropHeight * channels} bytes
   * @throws IllegalArgumentException if a size is not positive, the window is outside the resized
   *     image or {@code src} has the wrong length
   */
  public static byte[] resize(
      byte[] src,
      int width,
      int height,
      int channels,
      int outWidth,
      int outHeight,
      Filter filter,
      int cropX,
      int cropY,
      int cropWidth,
      int cropHeight) {
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(filter, "filter");
    if (width <= 0 || height <= 0 || outWidth <= 0 || outHeight <= 0 || channels <= 0) {
      throw new IllegalArgumentException(
          "sizes must be positive: " + width + "x" + height + "x" + channels + " -> " + outWidth + "x" + outHeight);
    }
    if ((long) width * height * channels != src.length) {
      throw new IllegalArgumentException(
          "src has " + src.length + " bytes, expected " + width + "*" + height + "*" + channels);
    }
    if (cropX < 0 || cropY < 0 || cropWidth <= 0 || cropHeight <= 0
        || cropX + cropWidth > outWidth || cropY + cropHeight > outHeight) {
      throw new IllegalArgumentException(
          "window " + cropWidth + "x" + cropHeight + "+" + cropX + "+" + cropY
              + " is not inside " + outWidth + "x" + outHeight);
    }
    Coefficients vert = Coefficients.compute(height, outHeight, filter, cropY, cropHeight);
    boolean needHorizontal = outWidth != width;
    boolean needVertical = outHeight != height;

    // Like Pillow, the horizontal pass covers only the input rows the vertical pass reads.
    int rowFirst = vert.bounds[0];
    int rowEnd = vert.bounds[2 * (cropHeight - 1)] + vert.bounds[2 * (cropHeight - 1) + 1];
    byte[] rows;
    int rowsWidth;
    int rowOffset;
    if (needHorizontal) {
      Coefficients horiz = Coefficients.compute(width, outWidth, filter, cropX, cropWidth);
      rows = horizontal(src, width, channels, rowFirst, rowEnd - rowFirst, horiz);
      rowsWidth = cropWidth;
      rowOffset = rowFirst;
    } else {
      rows = cropColumns(src, width, channels, cropX, cropWidth);
      rowsWidth = cropWidth;
      rowOffset = 0;
    }
    if (needVertical) {
      return vertical(rows, rowsWidth * channels, rowOffset, vert);
    }
    // No vertical resampling: the window's rows are taken as they are.
    int stride = rowsWidth * channels;
    byte[] out = new byte[cropHeight * stride];
    System.arraycopy(rows, (cropY - rowOffset) * stride, out, 0, out.length);
    return out;
  }

  private static byte[] cropColumns(byte[] src, int width, int channels, int x0, int w) {
    if (x0 == 0 && w == width) {
      return src;
    }
    int height = src.length / (width * channels);
    byte[] out = new byte[height * w * channels];
    for (int y = 0; y < height; y++) {
      System.arraycopy(src, (y * width + x0) * channels, out, y * w * channels, w * channels);
    }
    return out;
  }

  /** Horizontal pass over input rows {@code [rowFirst, rowFirst + rowCount)}. */
  private static byte[] horizontal(
      byte[] src, int width, int channels, int rowFirst, int rowCount, Coefficients c) {
    int outW = c.count;
    int ksize = c.ksize;
    int[] kk = c.kk;
    int[] bounds = c.bounds;
    byte[] out = new byte[rowCount * outW * channels];
    int srcStride = width * channels;
    if (channels == 3) {
      for (int yy = 0; yy < rowCount; yy++) {
        int rowBase = (yy + rowFirst) * srcStride;
        int o = yy * outW * 3;
        for (int xx = 0; xx < outW; xx++) {
          int xmin = bounds[2 * xx];
          int n = bounds[2 * xx + 1];
          int k = xx * ksize;
          int s0 = HALF;
          int s1 = HALF;
          int s2 = HALF;
          int p = rowBase + xmin * 3;
          for (int x = 0; x < n; x++, p += 3) {
            int w = kk[k + x];
            s0 += (src[p] & 0xFF) * w;
            s1 += (src[p + 1] & 0xFF) * w;
            s2 += (src[p + 2] & 0xFF) * w;
          }
          out[o++] = clip8(s0);
          out[o++] = clip8(s1);
          out[o++] = clip8(s2);
        }
      }
    } else {
      for (int yy = 0; yy < rowCount; yy++) {
        int rowBase = (yy + rowFirst) * srcStride;
        int o = yy * outW * channels;
        for (int xx = 0; xx < outW; xx++) {
          int xmin = bounds[2 * xx];
          int n = bounds[2 * xx + 1];
          int k = xx * ksize;
          for (int ch = 0; ch < channels; ch++) {
            int s = HALF;
            int p = rowBase + xmin * channels + ch;
            for (int x = 0; x < n; x++, p += channels) {
              s += (src[p] & 0xFF) * kk[k + x];
            }
            out[o++] = clip8(s);
          }
        }
      }
    }
    return out;
  }

  /**
   * Vertical pass. Sums whole rows at a time (row-major, cache friendly); integer sums give the
   * same result in any order, so this matches Pillow's per-pixel loop exactly.
   *
   * @param rowOffset the input row that {@code src}'s first row corresponds to
   */
  private static byte[] vertical(byte[] src, int stride, int rowOffset, Coefficients c) {
    int outH = c.count;
    byte[] out = new byte[outH * stride];
    int[] acc = new int[stride];
    for (int yy = 0; yy < outH; yy++) {
      int ymin = c.bounds[2 * yy] - rowOffset;
      int n = c.bounds[2 * yy + 1];
      int k = yy * c.ksize;
      Arrays.fill(acc, HALF);
      for (int y = 0; y < n; y++) {
        int w = c.kk[k + y];
        int p = (ymin + y) * stride;
        for (int i = 0; i < stride; i++) {
          acc[i] += (src[p + i] & 0xFF) * w;
        }
      }
      int o = yy * stride;
      for (int i = 0; i < stride; i++) {
        out[o + i] = clip8(acc[i]);
      }
    }
    return out;
  }

  private static byte clip8(int v) {
    int x = v >> PRECISION_BITS;
    return (byte) (x < 0 ? 0 : Math.min(x, 255));
  }

  /**
   * Pillow's {@code precompute_coeffs} + {@code normalize_coeffs_8bpc} for output pixels {@code
   * [first, first + count)} of an axis resized from {@code inSize} to {@code outSize}.
   *
   * @param bounds per output pixel: first input index, number of taps
   * @param kk per output pixel {@code ksize} fixed-point weights
   */
  private record Coefficients(int count, int ksize, int[] bounds, int[] kk) {

    static Coefficients compute(int inSize, int outSize, Filter filter, int first, int count) {
      double scale = (double) inSize / outSize;
      double filterScale = Math.max(scale, 1.0);
      double support = filter.support * filterScale;
      int ksize = (int) Math.ceil(support) * 2 + 1;
      int[] bounds = new int[2 * count];
      int[] kk = new int[count * ksize];
      double[] w = new double[ksize];
      double ss = 1.0 / filterScale;
      for (int i = 0; i < count; i++) {
        int xx = first + i;
        double center = (xx + 0.5) * scale;
        // (int) truncates toward zero, as C does; the +0.5 rounds the window ends
        int xmin = Math.max((int) (center - support + 0.5), 0);
        int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
        double ww = 0.0;
        for (int x = 0; x < xmax; x++) {
          w[x] = filter.weight((x + xmin - center + 0.5) * ss);
          ww += w[x];
        }
        for (int x = 0; x < xmax; x++) {
          double k = ww != 0.0 ? w[x] / ww : w[x];
          double scaled = k * (1 << PRECISION_BITS);
          kk[i * ksize + x] = (int) (k < 0 ? scaled - 0.5 : scaled + 0.5);
        }
        bounds[2 * i] = xmin;
        bounds[2 * i + 1] = xmax;
      }
      return new Coefficients(count, ksize, bounds, kk);
    }
  }
}
