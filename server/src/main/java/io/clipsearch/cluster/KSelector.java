package io.clipsearch.cluster;

import io.clipsearch.model.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Chooses the number of clusters for a collection.
 *
 * <p>Strategy: the rule of thumb {@code k0 = sqrt(n/2)} sets the scale, and the silhouette (with
 * cosine distance) of a k-means fit on a random sample of at most {@link #SAMPLE} vectors picks
 * among candidates from {@code k0/4} to {@code 2 k0} (a geometric grid, ratio 1.5), capped at
 * {@link #MAX_K}. The rule of thumb alone ignores the data; the silhouette alone, on CLIP
 * embeddings, tends to prefer two or three very coarse groups, which are useless for browsing
 * photos: bounding it by the rule of thumb keeps the answer at a browsable granularity while
 * letting real structure (say six clearly separate subjects) win. From the best grid point it
 * hill-climbs one cluster at a time while the silhouette improves, as the grid can step over the
 * true k. Sampling keeps the cost independent of the collection's size (a few seconds at most).
 *
 * <p>Deterministic for a seed. Thread-safe (no state).
 */
public final class KSelector {

  static final int SAMPLE = 1000;
  static final int MAX_K = 200;
  static final double GRID_RATIO = 1.5;

  private final long seed;

  public KSelector(long seed) {
    this.seed = seed;
  }

  /** The chosen k and the silhouette it scored (NaN where no choice was made). */
  public record Choice(int k, double silhouette) {}

  /**
   * @param vectors L2-normalized vectors
   * @return {@code k = n} for fewer than 3 vectors; otherwise the candidate with the best
   *     silhouette
   */
  public Choice choose(float[][] vectors) {
    int n = vectors.length;
    if (n < 3) {
      return new Choice(Math.max(1, n), Double.NaN);
    }
    float[][] sample = SeededSample.of(vectors, SAMPLE, seed);
    double[][] similarity = gram(sample);
    List<Integer> grid = candidates(n, sample.length);
    Choice best = null;
    for (int k : grid) {
      Choice c = score(sample, similarity, k);
      if (best == null || c.silhouette() > best.silhouette() + 1e-9) {
        best = c;
      }
    }
    // hill-climb by one from the best grid point: the grid (ratio 1.5) can step over the true k
    int lo = grid.getFirst();
    int hi = grid.getLast();
    for (int step : new int[] {-1, 1}) {
      for (int k = best.k() + step; k >= lo && k <= hi; k += step) {
        Choice c = score(sample, similarity, k);
        if (c.silhouette() <= best.silhouette() + 1e-9) {
          break;
        }
        best = c;
      }
    }
    return best;
  }

  private Choice score(float[][] sample, double[][] similarity, int k) {
    Partition p = new SphericalKMeans(seed).fit(sample, k);
    return new Choice(p.k(), silhouette(similarity, p.assignment(), p.k()));
  }

  /** {@code k0/4 .. 2 k0} by factors of 1.5, always below the sample size. */
  static List<Integer> candidates(int n, int sampleSize) {
    int k0 = (int) Math.round(Math.sqrt(n / 2.0));
    int hi = Math.min(Math.min(MAX_K, 2 * k0), sampleSize - 1);
    int lo = Math.min(Math.max(2, k0 / 4), hi);
    TreeSet<Integer> out = new TreeSet<>();
    for (double k = lo; k <= hi; k = Math.ceil(k * GRID_RATIO)) {
      out.add((int) k);
    }
    out.add(Math.max(lo, Math.min(k0, hi)));
    return new ArrayList<>(out);
  }

  private static double[][] gram(float[][] v) {
    double[][] g = new double[v.length][v.length];
    for (int i = 0; i < v.length; i++) {
      for (int j = i; j < v.length; j++) {
        g[i][j] = g[j][i] = Vectors.dot(v[i], v[j]);
      }
    }
    return g;
  }

  /** Mean silhouette with distance {@code 1 - cos}; singletons score 0, as usual. */
  static double silhouette(double[][] similarity, int[] assignment, int k) {
    int n = assignment.length;
    int[] sizes = new int[k];
    for (int a : assignment) {
      sizes[a]++;
    }
    double total = 0;
    double[] sums = new double[k];
    for (int i = 0; i < n; i++) {
      Arrays.fill(sums, 0);
      for (int j = 0; j < n; j++) {
        if (j != i) {
          sums[assignment[j]] += 1 - similarity[i][j];
        }
      }
      int own = assignment[i];
      if (sizes[own] <= 1) {
        continue;
      }
      double a = sums[own] / (sizes[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && sizes[c] > 0) {
          b = Math.min(b, sums[c] / sizes[c]);
        }
      }
      if (Double.isInfinite(b)) {
        continue;
      }
      total += (b - a) / Math.max(a, b);
    }
    return total / n;
  }
}
