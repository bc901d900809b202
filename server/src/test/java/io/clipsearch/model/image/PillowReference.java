package io.clipsearch.model.image;

import io.clipsearch.model.image.PilResampler.Filter;

/**
 * A direct per-pixel port of Pillow's 8-bit resampling ({@code ImagingResampleHorizontal_8bpc} and
 * {@code _Vertical_8bpc}: fixed-point weights of 22 bits, horizontal pass first, each pass skipped
 * when its size is unchanged), written for clarity rather than speed, against which the vectorized
 * {@link PilResampler} and the preprocessing geometry are checked.
 */
final class PillowReference {

  private PillowReference() {}

  /** Pillow's {@code ImagingResampleInner} for 8-bit images, one output sample at a time. */
  static byte[] resize(byte[] src, int w, int h, int channels, int outW, int outH, Filter filter) {
    byte[] rows = src;
    if (outW != w) {
      int[][] cx = coefficients(w, outW, filter);
      rows = new byte[h * outW * channels];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < outW; x++) {
          for (int ch = 0; ch < channels; ch++) {
            int s = 1 << 21;
            for (int t = 0; t < cx[x].length - 1; t++) {
              s += (src[(y * w + cx[x][0] + t) * channels + ch] & 0xFF) * cx[x][t + 1];
            }
            rows[(y * outW + x) * channels + ch] = clip(s);
          }
        }
      }
    }
    if (outH == h) {
      return outW == w ? rows.clone() : rows;
    }
    int[][] cy = coefficients(h, outH, filter);
    byte[] out = new byte[outH * outW * channels];
    for (int y = 0; y < outH; y++) {
      for (int i = 0; i < outW * channels; i++) {
        int s = 1 << 21;
        for (int t = 0; t < cy[y].length - 1; t++) {
          s += (rows[(cy[y][0] + t) * outW * channels + i] & 0xFF) * cy[y][t + 1];
        }
        out[y * outW * channels + i] = clip(s);
      }
    }
    return out;
  }

  /** Per output index: first input index, then the fixed-point weights. */
  private static int[][] coefficients(int in, int out, Filter filter) {
    double scale = (double) in / out;
    double filterScale = Math.max(scale, 1.0);
    double support = (filter == Filter.BICUBIC ? 2.0 : 1.0) * filterScale;
    double ss = 1.0 / filterScale;
    int[][] result = new int[out][];
    for (int i = 0; i < out; i++) {
      double center = (i + 0.5) * scale;
      int xmin = Math.max((int) (center - support + 0.5), 0);
      int n = Math.min((int) (center + support + 0.5), in) - xmin;
      double[] w = new double[n];
      double sum = 0;
      for (int x = 0; x < n; x++) {
        w[x] = filter.weight((x + xmin - center + 0.5) * ss);
        sum += w[x];
      }
      result[i] = new int[n + 1];
      result[i][0] = xmin;
      for (int x = 0; x < n; x++) {
        double k = sum != 0 ? w[x] / sum : w[x];
        result[i][x + 1] = (int) (k < 0 ? k * (1 << 22) - 0.5 : k * (1 << 22) + 0.5);
      }
    }
    return result;
  }

  private static byte clip(int v) {
    return (byte) Math.max(0, Math.min(255, v >> 22));
  }
}
