package io.clipsearch.model.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Pillow's antialiased convolution resize ({@code Image.resize} with {@code BICUBIC} or {@code
 * BILINEAR}, no {@code reducing_gap}) on interleaved 8-bit pixels, reproduced bit for bit.
 *
 * <p>Why not OpenCV: CLIP checkpoints were trained on images shrunk by Pillow, whose filter widens
 * with the scale factor (antialiasing) and rounds to 8 bits between its two passes. OpenCV's {@code
 * INTER_CUBIC} does neither and {@code INTER_AREA} uses another kernel; both land visibly off the
 * reference tensors. This class follows Pillow's {@code libImaging/Resample.c}: per output pixel a
 * window of {@code support * max(1, scale)} input pixels, weights from the filter normalized to sum
 * 1 then turned into 22-bit fixed point, a horizontal pass over only the input rows the vertical
 * pass needs, then the vertical pass, each rounding half up and clamping to {@code [0,255]}.
 *
 * <p>A {@linkplain #resize(byte[], int, int, int, int, int, Filter, int, int, int, int) windowed
 * variant} computes only a rectangle of the resized image (what a center crop keeps): each output
 * pixel depends only on its own coefficients, so the window equals the same rectangle cropped from
 * the full resize, for less work.
 *
 * <p>Both passes run on the JDK's Vector API with 32-bit integer lanes, the same arithmetic as the
 * scalar C code: the products and their sums are exact integers (they fit in 32 bits, as in
 * Pillow), so summing in another order gives the same bits. The vertical pass puts consecutive
 * bytes of a row in the lanes. The horizontal pass, for 3 channels, loads a run of whole RGB pixels
 * into the lanes (lane {@code j} holds channel {@code j % 3}), multiplies by the tap weights
 * repeated per channel, and adds the pixel groups together at the end; other channel counts use a
 * scalar loop.
 *
 * <p>Stateless and thread-safe. Inputs are never modified; every call returns a new array.
 */
public final class PilResampler {

  /** Pillow's fixed-point precision: 32 bits minus 8 for the value minus 2 for overshoot. */
  private static final int PRECISION_BITS = 32 - 8 - 2;

  private static final int HALF = 1 << (PRECISION_BITS - 1);

  /**
   * Int lanes: the platform's widest, but at least 8 so that a byte vector of as many lanes exists.
   */
  private static final VectorSpecies<Integer> INTS =
      IntVector.SPECIES_PREFERRED.length() >= 8
          ? IntVector.SPECIES_PREFERRED
          : IntVector.SPECIES_256;

  /** Byte lanes, as many as {@link #INTS}: loaded then widened to ints. */
  private static final VectorSpecies<Byte> BYTES =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(INTS.vectorBitSize() / 4));

  /**
   * Whole RGB pixels per int vector in the horizontal pass (5 with 16 lanes); spare lanes weigh 0.
   */
  private static final int PIXELS_PER_VECTOR = INTS.length() / 3;

  /**
   * Shuffles that fold the pixel groups of a vector into group 0 (lanes 0..2), halving the group
   * count each time: with {@code n} groups left, group {@code g + ceil(n / 2)} is added onto group
   * {@code g}. Lanes with no source take the last lane, which is always 0 (it is past the last
   * whole pixel, so it weighs 0). Three steps for 16 lanes instead of four single adds.
   */
  private static final VectorShuffle<Integer>[] FOLDS = foldShuffles();

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
    return resize(
        src, width, height, channels, outWidth, outHeight, filter, 0, 0, outWidth, outHeight);
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
          "sizes must be positive: "
              + width
              + "x"
              + height
              + "x"
              + channels
              + " -> "
              + outWidth
              + "x"
              + outHeight);
    }
    if ((long) width * height * channels != src.length) {
      throw new IllegalArgumentException(
          "src has " + src.length + " bytes, expected " + width + "*" + height + "*" + channels);
    }
    if (cropX < 0
        || cropY < 0
        || cropWidth <= 0
        || cropHeight <= 0
        || cropX + cropWidth > outWidth
        || cropY + cropHeight > outHeight) {
      throw new IllegalArgumentException(
          "window "
              + cropWidth
              + "x"
              + cropHeight
              + "+"
              + cropX
              + "+"
              + cropY
              + " is not inside "
              + outWidth
              + "x"
              + outHeight);
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
    if (channels == 3) {
      return horizontalRgb(src, width, rowFirst, rowCount, c);
    }
    int outW = c.count;
    int ksize = c.ksize;
    int[] kk = c.kk;
    int[] bounds = c.bounds;
    byte[] out = new byte[rowCount * outW * channels];
    int srcStride = width * channels;
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
    return out;
  }

  /**
   * Horizontal pass for RGB. Per output pixel, vector {@code v} of its window holds input pixels
   * {@code xmin + v * PIXELS_PER_VECTOR ...} and is multiplied by weights laid out the same way
   * (zero past the window), so every lane keeps its channel; the pixel groups of the summed vector
   * are then folded into lanes 0..2.
   */
  private static byte[] horizontalRgb(
      byte[] src, int width, int rowFirst, int rowCount, Coefficients c) {
    int outW = c.count;
    int lanes = INTS.length();
    int perVector = 3 * PIXELS_PER_VECTOR;
    int vectors = (c.ksize + PIXELS_PER_VECTOR - 1) / PIXELS_PER_VECTOR;
    int[] weights = laneWeights(c, vectors);
    // a window starting at byte p reads up to here; past the array's end that pixel goes scalar
    int reach = (vectors - 1) * perVector + lanes;
    byte[] out = new byte[rowCount * outW * 3];
    int srcStride = width * 3;
    for (int yy = 0; yy < rowCount; yy++) {
      int rowBase = (yy + rowFirst) * srcStride;
      int o = yy * outW * 3;
      for (int xx = 0; xx < outW; xx++, o += 3) {
        int p = rowBase + c.bounds[2 * xx] * 3;
        if (p + reach > src.length) {
          convolveRgb(src, p, c.kk, xx * c.ksize, c.bounds[2 * xx + 1], out, o);
          continue;
        }
        int w = xx * vectors * lanes;
        IntVector sum = IntVector.zero(INTS);
        for (int v = 0; v < vectors; v++, p += perVector, w += lanes) {
          IntVector px = widen(src, p);
          sum = sum.add(px.mul(IntVector.fromArray(INTS, weights, w)));
        }
        for (VectorShuffle<Integer> fold : FOLDS) {
          sum = sum.add(sum.rearrange(fold));
        }
        IntVector total = sum.add(HALF);
        if (o + lanes <= out.length) {
          // lanes 3.. are junk; the following pixels overwrite them
          clip8(total).intoArray(out, o);
        } else {
          out[o] = clip8(total.lane(0));
          out[o + 1] = clip8(total.lane(1));
          out[o + 2] = clip8(total.lane(2));
        }
      }
    }
    return out;
  }

  /**
   * One RGB output pixel, scalar: {@code n} taps from byte {@code p} with weights {@code kk[k...]}.
   */
  private static void convolveRgb(byte[] src, int p, int[] kk, int k, int n, byte[] out, int o) {
    int s0 = HALF;
    int s1 = HALF;
    int s2 = HALF;
    for (int x = 0; x < n; x++, p += 3) {
      int w = kk[k + x];
      s0 += (src[p] & 0xFF) * w;
      s1 += (src[p + 1] & 0xFF) * w;
      s2 += (src[p + 2] & 0xFF) * w;
    }
    out[o] = clip8(s0);
    out[o + 1] = clip8(s1);
    out[o + 2] = clip8(s2);
  }

  /**
   * The horizontal weights in lane order: per output pixel, {@code vectors} blocks of {@code
   * INTS.length()} ints, tap {@code t} at block {@code t / PIXELS_PER_VECTOR}, lanes {@code 3 * (t
   * % PIXELS_PER_VECTOR) + 0..2}; everything else 0.
   */
  private static int[] laneWeights(Coefficients c, int vectors) {
    int lanes = INTS.length();
    int[] out = new int[c.count * vectors * lanes];
    for (int xx = 0; xx < c.count; xx++) {
      int n = c.bounds[2 * xx + 1];
      for (int t = 0; t < n; t++) {
        int w = c.kk[xx * c.ksize + t];
        int at = (xx * vectors + t / PIXELS_PER_VECTOR) * lanes + 3 * (t % PIXELS_PER_VECTOR);
        out[at] = w;
        out[at + 1] = w;
        out[at + 2] = w;
      }
    }
    return out;
  }

  /**
   * Vertical pass: per output row, a vector of consecutive bytes at a time, summed over the taps in
   * registers.
   *
   * @param rowOffset the input row that {@code src}'s first row corresponds to
   */
  private static byte[] vertical(byte[] src, int stride, int rowOffset, Coefficients c) {
    int outH = c.count;
    int[] kk = c.kk;
    byte[] out = new byte[outH * stride];
    int vectorEnd = INTS.loopBound(stride);
    for (int yy = 0; yy < outH; yy++) {
      int first = (c.bounds[2 * yy] - rowOffset) * stride;
      int n = c.bounds[2 * yy + 1];
      int k = yy * c.ksize;
      int o = yy * stride;
      int i = 0;
      for (; i < vectorEnd; i += INTS.length()) {
        IntVector acc = IntVector.broadcast(INTS, HALF);
        for (int y = 0, p = first + i; y < n; y++, p += stride) {
          acc = acc.add(widen(src, p).mul(kk[k + y]));
        }
        clip8(acc).intoArray(out, o + i);
      }
      for (; i < stride; i++) {
        int s = HALF;
        for (int y = 0, p = first + i; y < n; y++, p += stride) {
          s += (src[p] & 0xFF) * kk[k + y];
        }
        out[o + i] = clip8(s);
      }
    }
    return out;
  }

  /** {@code INTS.length()} bytes from {@code src[p]} as unsigned ints. */
  private static IntVector widen(byte[] src, int p) {
    return (IntVector)
        ByteVector.fromArray(BYTES, src, p).convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, 0);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static VectorShuffle<Integer>[] foldShuffles() {
    List<VectorShuffle<Integer>> folds = new ArrayList<>();
    int lanes = INTS.length();
    int groups = PIXELS_PER_VECTOR;
    while (groups > 1) {
      int kept = (groups + 1) / 2;
      int from = 3 * kept;
      int end = 3 * groups;
      folds.add(VectorShuffle.fromOp(INTS, j -> j + from < end ? j + from : lanes - 1));
      groups = kept;
    }
    return folds.toArray(new VectorShuffle[0]);
  }

  /** {@link #clip8(int)} on every lane, narrowed to bytes. */
  private static ByteVector clip8(IntVector v) {
    return v.lanewise(VectorOperators.ASHR, PRECISION_BITS)
        .max(0)
        .min(255)
        .convertShape(VectorOperators.I2B, BYTES, 0)
        .reinterpretAsBytes();
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
