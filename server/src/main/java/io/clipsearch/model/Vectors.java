package io.clipsearch.model;

/**
 * The one home of vector arithmetic on embeddings: L2 normalization and the dot product. Every
 * {@link ClipModel} output, query vector, ensembled prompt and cluster centroid is normalized here.
 * Stateless.
 *
 * <p>A vector without direction cannot be normalized: a zero vector (or one shorter than {@link
 * #MIN_NORM}, or with a NaN or infinite component) makes {@link #normalize} and {@link #unit} throw
 * {@link ZeroVectorException} rather than return zeros or NaNs. Returning zeros would score every
 * document 0 and NaNs would poison sorting; callers that can meet such a vector (a query whose
 * parts cancel out, an empty cluster) decide what it means for them.
 */
public final class Vectors {

  /** Below this length a vector has no direction left to normalize. */
  public static final double MIN_NORM = 1e-6;

  private Vectors() {}

  /**
   * Scales {@code v} to unit length, in place, and returns it. Computed as {@code v[i] * (float) (1
   * / sqrt(sum of squares in double))}, the arithmetic every model's vectors were checked with.
   *
   * @throws ZeroVectorException if {@code v} has no direction (see the class comment)
   */
  public static float[] normalize(float[] v) {
    double norm = Math.sqrt(dot(v, v));
    requireDirection(norm);
    float inv = (float) (1 / norm);
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }

  /**
   * A unit float vector in the direction of a double-precision sum (weighted sums and means are
   * accumulated in double): {@code (float) (sum[i] / norm)}.
   *
   * @throws ZeroVectorException if {@code sum} has no direction (see the class comment)
   */
  public static float[] unit(double[] sum) {
    double squares = 0;
    for (double x : sum) {
      squares += x * x;
    }
    double norm = Math.sqrt(squares);
    requireDirection(norm);
    float[] unit = new float[sum.length];
    for (int i = 0; i < sum.length; i++) {
      unit[i] = (float) (sum[i] / norm);
    }
    return unit;
  }

  /** The Euclidean length of {@code v}. */
  public static double norm(float[] v) {
    return Math.sqrt(dot(v, v));
  }

  /**
   * The dot product (the cosine for unit vectors), accumulated in double.
   *
   * @throws IllegalArgumentException if the dimensions differ
   */
  public static double dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("dimensions differ: " + a.length + " vs " + b.length);
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return s;
  }

  private static void requireDirection(double norm) {
    // written so that NaN fails too
    if (!(norm >= MIN_NORM) || Double.isInfinite(norm)) {
      throw new ZeroVectorException(norm);
    }
  }
}
