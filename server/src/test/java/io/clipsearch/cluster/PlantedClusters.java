package io.clipsearch.cluster;

import io.clipsearch.model.Vectors;
import java.util.Random;

/**
 * Unit vectors in well separated planted clusters, with their true labels: random unit centres
 * (nearly orthogonal in 32 dimensions), members at cosine about 0.9 around them. Deterministic.
 */
final class PlantedClusters {

  static final int DIM = 32;

  final float[][] centres;
  final float[][] vectors;
  final int[] labels;

  PlantedClusters(int clusters, int n, long seed) {
    Random random = new Random(seed);
    centres = new float[clusters][];
    for (int c = 0; c < clusters; c++) {
      centres[c] = gaussianUnit(random, 1.0, null);
    }
    vectors = new float[n][];
    labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % clusters;
      vectors[i] = gaussianUnit(random, 0.08, centres[labels[i]]);
    }
  }

  /** A unit vector: Gaussian noise of this per-dimension scale around {@code centre} (or 0). */
  static float[] gaussianUnit(Random random, double scale, float[] centre) {
    float[] v = new float[DIM];
    for (int d = 0; d < DIM; d++) {
      v[d] = (float) ((centre == null ? 0 : centre[d]) + scale * random.nextGaussian());
    }
    return Vectors.normalize(v);
  }

  /** Purity: the share of vectors in the majority true label of their cluster. */
  static double purity(int[] assignment, int[] labels, int k) {
    int classes = java.util.Arrays.stream(labels).max().orElse(0) + 1;
    int[][] counts = new int[k][classes];
    for (int i = 0; i < assignment.length; i++) {
      counts[assignment[i]][labels[i]]++;
    }
    int majority = 0;
    for (int[] row : counts) {
      majority += java.util.Arrays.stream(row).max().orElse(0);
    }
    return majority / (double) assignment.length;
  }
}
