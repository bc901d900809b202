package io.clipsearch.lucene;

import io.clipsearch.api.types.SearchLimits;
import io.clipsearch.index.IndexFields;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.search.Modality;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RescoreTopNQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Nearest images to a unit query vector, by cosine similarity.
 *
 * <p>Strategy: {@link KnnFloatVectorQuery} with the filter inside the HNSW search (Lucene
 * pre-filters the graph walk, and falls back to exact search in a segment where the filter leaves
 * fewer documents than the walk would visit). The graph walk keeps {@code max(k * oversample,
 * MIN_CANDIDATES)} candidates, Lucene's {@code k} being also its beam width: with {@code k = 10}
 * alone, the recall of HNSW is poor, worst for text queries, which lie off the image vectors'
 * distribution (bench-index, docs/SEARCH.md and docs/BENCHMARKS.md). For a quantized format the
 * graph's scores are approximate, so the candidates are re-scored against the full-precision
 * vectors the format keeps ({@link RescoreTopNQuery} with Lucene's full-precision value source);
 * for float32 they are already exact. Either way the best {@code k} are kept: the wider beam and
 * the over-fetch fix recall, re-scoring fixes the order. The beam adapts ({@link #candidates(int,
 * Modality, long, long)}): a text query in a large index keeps half as many again, as it lies far
 * from the image vectors; a filter that many documents pass narrows them, so the filtered walk ends
 * before Lucene's visit limit instead of falling back to an exact scan.
 *
 * <p>Scores returned are cosine similarities in [-1, 1] (Lucene's DOT_PRODUCT score is {@code (1 +
 * cos) / 2}). Stateless apart from its settings; thread-safe.
 */
public final class VectorSearch {

  /** Candidates the graph walk keeps at least, so small k still explores enough of the graph. */
  static final int MIN_CANDIDATES = 100;

  /** Largest k a search takes: the deepest result of a search. */
  public static final int MAX_K = SearchLimits.MAX_RESULTS;

  private final VectorFormat format;
  private final int oversample;

  /**
   * @param format the index's vector format: quantized formats are re-scored
   * @param oversample candidates fetched per result wanted, 1-20
   * @throws IllegalArgumentException if oversample is out of range
   */
  public VectorSearch(VectorFormat format, int oversample) {
    this.format = Objects.requireNonNull(format, "format");
    if (oversample < 1 || oversample > 20) {
      throw new IllegalArgumentException("oversample must be 1-20, got " + oversample);
    }
    this.oversample = oversample;
  }

  /**
   * Matching documents above which a filtered search narrows its candidates; below it, Lucene's
   * exact fallback scans at most this many vectors, which costs a few milliseconds.
   */
  static final long NARROW_ABOVE_MATCHES = 50_000;

  /**
   * Matching documents per candidate a filtered graph walk may keep and still end before Lucene's
   * visit limit (as many nodes as documents match); more fall back to an exact scan of every
   * matching vector (figures in docs/BENCHMARKS.md).
   */
  static final int MATCHES_PER_CANDIDATE = 500;

  /**
   * Candidates a query with a text part keeps in a large index, per 100 an image-like query keeps:
   * one and a half times lifts the recall of synthetic cross-modal queries at 1M to 0.96 in Lucene
   * 10.4's int8 format (twice gave 0.975 for a third more walk), while queries among the images
   * need no more (figures in docs/BENCHMARKS.md).
   */
  static final int TEXT_BEAM_PERCENT = 150;

  /**
   * Documents above which text queries walk with {@link #TEXT_BEAM_PERCENT} % of the candidates.
   * Smaller indexes do not need it (text queries already reach full recall at the served depth) and
   * would pay the wider walk's time for nothing (docs/BENCHMARKS.md).
   */
  static final long WIDE_TEXT_BEAM_ABOVE = 250_000;

  /** Candidates the graph walk keeps for {@code k} results of an unfiltered image-like query. */
  int candidates(int k) {
    return candidates(k, Modality.IMAGE, 0, 0);
  }

  /**
   * Candidates the graph walk keeps for {@code k} results: {@code k * oversample}, at least {@link
   * #MIN_CANDIDATES}; {@link #TEXT_BEAM_PERCENT} % of that for a text query over more than {@link
   * #WIDE_TEXT_BEAM_ABOVE} documents; and when a filter passes more than {@link
   * #NARROW_ABOVE_MATCHES} of them, at most {@code matches / MATCHES_PER_CANDIDATE}, never fewer
   * than {@code k} nor {@link #MIN_CANDIDATES}. A filtered walk steps over the documents the filter
   * rejects, so it visits many nodes per candidate kept; past as many nodes as documents match,
   * Lucene gives up and scans every matching vector exactly, after the walk's work is spent. The
   * filtered walk explores more widely per result, so its recall holds with fewer candidates
   * (docs/BENCHMARKS.md).
   *
   * @param documents live documents in the index
   * @param matches documents passing the filter ({@code documents} when there is none)
   */
  int candidates(int k, Modality modality, long documents, long matches) {
    boolean wide = modality == Modality.TEXT && documents > WIDE_TEXT_BEAM_ABOVE;
    int percent = wide ? TEXT_BEAM_PERCENT : 100;
    int full =
        Math.min(
            MAX_K * oversample * percent / 100,
            Math.max(k * oversample * percent / 100, MIN_CANDIDATES));
    if (matches >= documents || matches <= NARROW_ABOVE_MATCHES) {
      return full;
    }
    long narrowed = Math.max(Math.max(k, MIN_CANDIDATES), matches / MATCHES_PER_CANDIDATE);
    return (int) Math.min(full, narrowed);
  }

  /**
   * The {@code k} nearest documents passing {@code filter} (null: all), best first.
   *
   * @throws IllegalArgumentException if k is not 1..{@link #MAX_K}
   */
  public List<ScoredDoc> search(IndexSearcher searcher, float[] query, int k, Query filter)
      throws IOException {
    return search(searcher, query, k, filter, Modality.IMAGE);
  }

  /**
   * {@link #search(IndexSearcher, float[], int, Query)} for a query of this modality: in a large
   * index a text query keeps {@link #TEXT_BEAM_PERCENT} % of the candidates.
   */
  public List<ScoredDoc> search(
      IndexSearcher searcher, float[] query, int k, Query filter, Modality modality)
      throws IOException {
    checkK(k);
    long documents = searcher.getIndexReader().numDocs();
    // a filter cannot pass more than the index holds: no count needed where it could not narrow
    long matches =
        filter == null || documents <= NARROW_ABOVE_MATCHES ? documents : searcher.count(filter);
    int beam = candidates(k, modality, documents, matches);
    Query knn = new KnnFloatVectorQuery(IndexFields.VECTOR, query, beam, filter);
    Query q = knn;
    if (format.quantized()) {
      // the graph search runs in rewrite; Lucene's re-scorer fails on an empty candidate set (an
      // empty index, or a filter nothing passes), so look at the candidates first
      Query candidates = searcher.rewrite(knn);
      if (searcher.count(candidates) == 0) {
        return List.of();
      }
      q =
          RescoreTopNQuery.createFullPrecisionRescorerQuery(
              candidates, query, IndexFields.VECTOR, k);
    }
    TopDocs top = searcher.search(q, k);
    List<ScoredDoc> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      hits.add(new ScoredDoc(sd.doc, cosine(sd.score)));
    }
    return hits;
  }

  /** Cosine similarity from Lucene's DOT_PRODUCT score {@code max(0, (1 + cos) / 2)}. */
  static double cosine(float luceneScore) {
    return 2.0 * luceneScore - 1.0;
  }

  private static void checkK(int k) {
    if (k < 1 || k > MAX_K) {
      throw new IllegalArgumentException("k must be 1-" + MAX_K + ", got " + k);
    }
  }
}
