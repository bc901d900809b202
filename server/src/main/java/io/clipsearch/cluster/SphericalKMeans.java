package io.clipsearch.cluster;

import io.clipsearch.model.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import smile.clustering.KMeans;
import smile.clustering.PartitionClustering;
import smile.math.MathEx;

/**
 * Spherical k-means on unit vectors: Smile's Lloyd k-means (k-means++ seeding, best of {@link
 * #RUNS} runs) on the unit vectors, whose centroids are then renormalized and the vectors
 * re-assigned by cosine. On the sphere, squared Euclidean distance is {@code 2 - 2 cos}, so Lloyd's
 * assignment already follows the cosine; the renormalization makes centroids comparable with text
 * embeddings for naming. Clusters left empty by the re-assignment are dropped, so {@code k} can
 * come out smaller.
 *
 * <p>Scale: above {@link #FIT_SAMPLE} vectors the centroids are fitted on a random sample of that
 * size (still best of {@link #RUNS}) and then every vector is assigned to its nearest centroid in
 * one pass. Lloyd's cost is {@code runs × iterations × n × k × d}, linear in {@code n}, while a
 * sample of {@link #FIT_SAMPLE} already places a few hundred centroids well (each cluster keeps
 * about {@code FIT_SAMPLE / k} members in it); docs/BENCHMARKS.md ("Clustering at 100k") has the
 * times.
 *
 * <p>Deterministic for a seed: Smile's random generator is seeded on the calling thread (it is
 * thread-local there). Thread-safe (no state).
 */
public final class SphericalKMeans {

  /**
   * Restarts from new k-means++ seeds; the lowest distortion wins (one run often merges two
   * clusters).
   */
  static final int RUNS = 4;

  /** Above this many vectors, centroids are fitted on a random sample of this size. */
  static final int FIT_SAMPLE = 20_000;

  static final int MAX_ITERATIONS = 100;
  static final double TOLERANCE = 1e-4;

  private final long seed;

  public SphericalKMeans(long seed) {
    this.seed = seed;
  }

  /**
   * @param vectors L2-normalized vectors; all of them are assigned, even when the centroids were
   *     fitted on a sample
   * @param k clusters wanted, at most the number of vectors
   * @throws IllegalArgumentException if {@code k < 1} or {@code k > vectors.length}
   */
  public Partition fit(float[][] vectors, int k) {
    Objects.requireNonNull(vectors, "vectors");
    if (k < 1 || k > vectors.length) {
      throw new IllegalArgumentException("k must be 1.." + vectors.length + ", got " + k);
    }
    float[][] centroids;
    if (k == 1) {
      centroids = new float[][] {mean(vectors)};
    } else {
      MathEx.setSeed(seed);
      // a k above the sample size needs every vector (each centroid needs a member)
      float[][] fitOn = k > FIT_SAMPLE ? vectors : SeededSample.of(vectors, FIT_SAMPLE, seed);
      double[][] data = UnitVectors.toDoubles(fitOn);
      KMeans fitted =
          PartitionClustering.run(RUNS, () -> KMeans.lloyd(data, k, MAX_ITERATIONS, TOLERANCE));
      centroids = new float[fitted.centroids.length][];
      for (int c = 0; c < centroids.length; c++) {
        centroids[c] = new float[vectors[0].length];
        for (int d = 0; d < centroids[c].length; d++) {
          centroids[c][d] = (float) fitted.centroids[c][d];
        }
        // an empty cluster's centroid has no direction: it stays zero and assign() drops the
        // cluster if nothing is nearest to it
        if (Vectors.norm(centroids[c]) >= Vectors.MIN_NORM) {
          Vectors.normalize(centroids[c]);
        }
      }
    }
    return assign(vectors, centroids);
  }

  /** Each vector to its most similar centroid; empty clusters removed and the rest renumbered. */
  static Partition assign(float[][] vectors, float[][] centroids) {
    int[] assignment = new int[vectors.length];
    int[] sizes = new int[centroids.length];
    for (int i = 0; i < vectors.length; i++) {
      assignment[i] = UnitVectors.nearest(vectors[i], centroids);
      sizes[assignment[i]]++;
    }
    int[] renumber = new int[centroids.length];
    List<float[]> kept = new ArrayList<>();
    for (int c = 0; c < centroids.length; c++) {
      renumber[c] = kept.size();
      if (sizes[c] > 0) {
        kept.add(centroids[c]);
      }
    }
    for (int i = 0; i < assignment.length; i++) {
      assignment[i] = renumber[assignment[i]];
    }
    return new Partition(kept.toArray(float[][]::new), assignment);
  }

  private static float[] mean(float[][] vectors) {
    float[] m = new float[vectors[0].length];
    for (float[] v : vectors) {
      for (int d = 0; d < m.length; d++) {
        m[d] += v[d];
      }
    }
    return Vectors.normalize(m);
  }
}
