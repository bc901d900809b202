package io.clipsearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): a document's fused score is
 * {@code sum over rankings of weight / (k + rank)}, rank counted from 1. It needs no score
 * calibration between rankings (BM25 scores and cosines are not comparable), and with {@code k =
 * 60} a document found by both rankings rises above one found by either alone.
 *
 * <p>Immutable, thread-safe.
 */
public final class RankFusion {

  /** The constant of the original paper, used by Elasticsearch, OpenSearch and Vespa. */
  public static final int DEFAULT_K = 60;

  private final int k;

  /**
   * @throws IllegalArgumentException if k is negative
   */
  public RankFusion(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("RRF k must be >= 0, got " + k);
    }
    this.k = k;
  }

  /**
   * Fuses rankings (each a list of document keys, best first; a key at most once per ranking).
   *
   * @param weights one per ranking, >= 0
   * @return every document of any ranking with its fused score, best first; ties keep the order in
   *     which the documents were first met (the first ranking's order first)
   * @throws IllegalArgumentException if the counts differ or a weight is negative
   */
  public <K> List<Fused<K>> fuse(List<List<K>> rankings, List<Double> weights) {
    if (rankings.size() != weights.size()) {
      throw new IllegalArgumentException(
          rankings.size() + " rankings but " + weights.size() + " weights");
    }
    Map<K, Double> fused = new LinkedHashMap<>();
    for (int r = 0; r < rankings.size(); r++) {
      double w = weights.get(r);
      if (w < 0 || !Double.isFinite(w)) {
        throw new IllegalArgumentException("RRF weights must be finite and >= 0, got " + w);
      }
      List<K> ranking = rankings.get(r);
      for (int i = 0; i < ranking.size(); i++) {
        fused.merge(ranking.get(i), w / (k + i + 1), Double::sum);
      }
    }
    List<Fused<K>> out = new ArrayList<>(fused.size());
    fused.forEach((key, score) -> out.add(new Fused<>(key, score)));
    out.sort(Comparator.comparingDouble((Fused<K> f) -> f.score()).reversed()); // stable
    return out;
  }

  /** A document key of the rankings and its fused score. */
  public record Fused<K>(K key, double score) {}
}
