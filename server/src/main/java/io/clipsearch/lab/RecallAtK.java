package io.clipsearch.lab;

import java.util.Arrays;

/**
 * Retrieval quality in one direction from the rank of the first correct result of each query.
 * Immutable.
 *
 * <p>Ranks are 1-based; a query's rank is 1 + the number of candidates scoring strictly higher than
 * its best correct one (ties in the query's favour). The median of an even number of ranks is the
 * mean of the two middle ones.
 *
 * @param queries number of queries
 * @param r1 fraction of queries whose first correct result is at rank 1
 * @param r5 … within the first 5
 * @param r10 … within the first 10
 * @param medianRank median rank of the first correct result
 * @param meanRank mean rank of the first correct result
 */
public record RecallAtK(
    int queries, double r1, double r5, double r10, double medianRank, double meanRank) {

  public RecallAtK {
    if (queries < 1) {
      throw new IllegalArgumentException("recall needs at least one query, got " + queries);
    }
  }

  /**
   * @param ranks the 1-based rank of each query's first correct result
   * @throws IllegalArgumentException if there are none, or a rank is below 1
   */
  public static RecallAtK fromRanks(int[] ranks) {
    if (ranks.length == 0) {
      throw new IllegalArgumentException("recall needs at least one query");
    }
    int[] sorted = ranks.clone();
    Arrays.sort(sorted);
    if (sorted[0] < 1) {
      throw new IllegalArgumentException("ranks are 1-based, got " + sorted[0]);
    }
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    double sum = 0;
    for (int r : sorted) {
      sum += r;
    }
    return new RecallAtK(
        n, within(sorted, 1), within(sorted, 5), within(sorted, 10), median, sum / n);
  }

  private static double within(int[] ranks, int k) {
    return Arrays.stream(ranks).filter(r -> r <= k).count() / (double) ranks.length;
  }
}
