package io.clipsearch.cluster;

import io.clipsearch.model.Vectors;

/**
 * Clustering helpers on L2-normalized vectors (the dot product and normalization themselves are
 * {@link Vectors}'). Stateless.
 */
final class UnitVectors {

  private UnitVectors() {}

  /** The index of the row of {@code candidates} most similar to {@code v}. */
  static int nearest(float[] v, float[][] candidates) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < candidates.length; c++) {
      double s = Vectors.dot(v, candidates[c]);
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
