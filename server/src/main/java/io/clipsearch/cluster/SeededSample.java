package io.clipsearch.cluster;

import java.util.Random;

/**
 * A uniform random sample of rows drawn with a seed, so that a clustering run on more rows than it
 * can afford repeats exactly for the same seed. Stateless.
 */
final class SeededSample {

  private SeededSample() {}

  /**
   * {@code vectors} itself when it has at most {@code size} rows, else {@code size} of its rows:
   * the first {@code size} of a seeded shuffle of the indices (partial Fisher-Yates), so every row
   * is equally likely and none is drawn twice. The rows are shared, not copied.
   */
  static float[][] of(float[][] vectors, int size, long seed) {
    if (vectors.length <= size) {
      return vectors;
    }
    int[] order = new int[vectors.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Random random = new Random(seed);
    float[][] sample = new float[size][];
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(order.length - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
      sample[i] = vectors[order[i]];
    }
    return sample;
  }
}
