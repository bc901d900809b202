package io.clipsearch.bench;

import io.clipsearch.model.Vectors;
import io.clipsearch.model.ZeroVectorException;

/**
 * L2 normalization of benchmark inputs in place, so dot products are cosines (the index's
 * similarity).
 */
final class CosineRows {

  private CosineRows() {}

  /**
   * Scales every row to length 1 with {@link Vectors#normalize}.
   *
   * @throws IllegalArgumentException naming the row if one has no direction (zeros, not finite)
   */
  static float[][] normalize(float[][] rows, String what) {
    for (int r = 0; r < rows.length; r++) {
      try {
        Vectors.normalize(rows[r]);
      } catch (ZeroVectorException e) {
        throw new IllegalArgumentException(
            what + ": row " + r + " cannot be a cosine vector: " + e.getMessage(), e);
      }
    }
    return rows;
  }
}
