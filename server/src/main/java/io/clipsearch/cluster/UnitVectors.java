package io.clipsearch.cluster;

/** Arithmetic on L2-normalized vectors, where the dot product is the cosine. Stateless. */
final class UnitVectors {

  private UnitVectors() {}

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** {@code v} scaled to length 1 (in place), or left as is if it is zero. */
  static float[] normalize(float[] v) {
    double norm = Math.sqrt(dot(v, v));
    if (norm > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (v[i] / norm);
      }
    }
    return v;
  }

  /** The index of the row of {@code candidates} most similar to {@code v}. */
  static int nearest(float[] v, float[][] candidates) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < candidates.length; c++) {
      double s = dot(v, candidates[c]);
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    return best;
  }

  static double[][] toDoubles(float[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = new double[rows[i].length];
      for (int d = 0; d < rows[i].length; d++) {
        out[i][d] = rows[i][d];
      }
    }
    return out;
  }
}
