package io.clipsearch.bench;

/** L2 normalization in place, so dot products are cosines (the index's similarity). */
final class UnitVectors {

  private UnitVectors() {}

  /**
   * Scales every row to length 1.
   *
   * @throws IllegalArgumentException naming the row if one is all zeros or not finite
   */
  static float[][] normalize(float[][] rows, String what) {
    for (int r = 0; r < rows.length; r++) {
      double norm = 0;
      for (float x : rows[r]) {
        norm += (double) x * x;
      }
      if (!(norm > 0) || Double.isInfinite(norm)) {
        throw new IllegalArgumentException(what + ": row " + r + " has length " + Math.sqrt(norm)
            + " and cannot be a cosine vector");
      }
      float inv = (float) (1 / Math.sqrt(norm));
      for (int d = 0; d < rows[r].length; d++) {
        rows[r][d] *= inv;
      }
    }
    return rows;
  }
}
