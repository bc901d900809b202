package io.clipsearch.lab;

/**
 * Standard ranked-retrieval metrics of one query, from the relevance of each returned result (best
 * first) and the number of relevant documents in the collection. Binary relevance; nDCG uses the
 * log2 discount of Järvelin and Kekäläinen with the ideal ranking of {@code relevantTotal} relevant
 * documents. Pure functions, thread-safe.
 */
public final class RankingMetrics {

  private RankingMetrics() {}

  /** Relevant results among the first k, divided by k (missing results count as not relevant). */
  public static double precisionAt(boolean[] relevant, int k) {
    return (double) hitsIn(relevant, k) / k;
  }

  /**
   * Relevant results among the first k, divided by all relevant documents (0 if there are none).
   */
  public static double recallAt(boolean[] relevant, int k, int relevantTotal) {
    return relevantTotal == 0 ? 0 : (double) hitsIn(relevant, k) / relevantTotal;
  }

  /** 1 / rank of the first relevant result, 0 if none was returned. */
  public static double reciprocalRank(boolean[] relevant) {
    for (int i = 0; i < relevant.length; i++) {
      if (relevant[i]) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  /** DCG of the first k results over the DCG of an ideal ranking (0 if nothing is relevant). */
  public static double ndcgAt(boolean[] relevant, int k, int relevantTotal) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, relevant.length); i++) {
      dcg += relevant[i] ? discount(i) : 0;
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(k, relevantTotal); i++) {
      ideal += discount(i);
    }
    return ideal == 0 ? 0 : dcg / ideal;
  }

  private static double discount(int index) {
    return 1 / (Math.log(index + 2) / Math.log(2));
  }

  private static int hitsIn(boolean[] relevant, int k) {
    int n = 0;
    for (int i = 0; i < Math.min(k, relevant.length); i++) {
      n += relevant[i] ? 1 : 0;
    }
    return n;
  }
}
