package io.clipsearch.bench;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.apache.lucene.util.VectorUtil;

/**
 * Exact nearest neighbours by brute force: every query against every allowed vector, by dot product
 * (the cosine for unit vectors), on a pool of threads, one query per task. Ties keep the lower row
 * first, so the result is deterministic. Ground truth for recall; no approximation.
 */
public final class ExactNeighbours {

  private ExactNeighbours() {}

  /**
   * The rows of {@code data} with the {@code k} highest dot products with each query among rows
   * {@code allowed}, best first (fewer when fewer are allowed).
   *
   * @param threads worker threads (at least 1)
   */
  public static int[][] of(
      float[][] data, float[][] queries, int k, IntPredicate allowed, int threads) {
    if (k < 1 || threads < 1) {
      throw new IllegalArgumentException("k and threads must be >= 1, got " + k + ", " + threads);
    }
    int[][] truth = new int[queries.length][];
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      pool.submit(
              () ->
                  IntStream.range(0, queries.length)
                      .parallel()
                      .forEach(q -> truth[q] = topK(data, queries[q], k, allowed)))
          .join();
    } finally {
      pool.shutdown();
    }
    return truth;
  }

  /** One query's top k: a sorted insertion buffer, cheap because most rows fall below its floor. */
  static int[] topK(float[][] data, float[] query, int k, IntPredicate allowed) {
    int[] best = new int[k];
    float[] bestScore = new float[k];
    Arrays.fill(bestScore, Float.NEGATIVE_INFINITY);
    int count = 0;
    for (int i = 0; i < data.length; i++) {
      if (!allowed.test(i)) {
        continue;
      }
      float score = VectorUtil.dotProduct(query, data[i]);
      if (count < k || score > bestScore[k - 1]) {
        int pos = Math.min(count, k - 1);
        while (pos > 0 && bestScore[pos - 1] < score) {
          bestScore[pos] = bestScore[pos - 1];
          best[pos] = best[pos - 1];
          pos--;
        }
        bestScore[pos] = score;
        best[pos] = i;
        count = Math.min(k, count + 1);
      }
    }
    return Arrays.copyOf(best, count);
  }
}
