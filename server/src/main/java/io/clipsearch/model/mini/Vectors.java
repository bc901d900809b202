package io.clipsearch.model.mini;

/** L2 helpers for the mini model's float vectors. Stateless. */
public final class Vectors {

  private Vectors() {}

  /**
   * Scales {@code v} to unit length, in place, and returns it.
   *
   * @throws IllegalArgumentException if {@code v} is all zeros (no direction)
   */
  public static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (sum == 0) {
      throw new IllegalArgumentException("cannot normalize a zero vector");
    }
    float inv = (float) (1 / Math.sqrt(sum));
    for (int i = 0; i < v.length; i++) {
      v[i] *= inv;
    }
    return v;
  }

  /** Dot product (the cosine for unit vectors). */
  public static float dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("dimension mismatch: " + a.length + " vs " + b.length);
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (double) a[i] * b[i];
    }
    return (float) s;
  }
}
