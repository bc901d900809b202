package io.clipsearch.search;

import io.clipsearch.index.ImageIndex;
import io.clipsearch.lucene.LuceneSearchBackend;
import io.clipsearch.lucene.VectorSearch;
import java.io.IOException;
import java.util.List;

/**
 * The queries {@link SearchService} needs from an engine, over one collection's {@link
 * ImageIndex}: filtered nearest neighbours, filtered BM25 keyword matches, and a sample of
 * background similarities for the calibrated cutoff. Everything above it (query language, fusion,
 * cutoff, paging, the API, the app) is the same for every engine.
 *
 * <p>Implementations: {@link LuceneSearchBackend} (embedded) and the SolrCloud backend in {@code
 * io.clipsearch.solr}. Both apply filters inside the kNN search (not after it), so a filtered
 * search still returns {@code k} results when that many pass. Thread-safe.
 */
public interface SearchBackend {

  /** The index searched: documents by key and id. */
  ImageIndex index();

  /**
   * The {@code k} nearest images to the unit vector {@code query} passing {@code filters}, best
   * first, scored by cosine similarity.
   *
   * @throws IllegalArgumentException if k is not 1..{@link VectorSearch#MAX_K}
   */
  List<ScoredImage> nearest(float[] query, int k, SearchFilters filters) throws IOException;

  /**
   * The {@code n} best BM25 matches of {@code text} in {@link io.clipsearch.index.IndexFields#TEXT}
   * passing {@code filters}, best first (empty if the text has no terms), each with its cosine to
   * {@code query}.
   */
  List<ScoredImage> keywords(String text, float[] query, int n, SearchFilters filters)
      throws IOException;

  /**
   * Cosines of {@code query} with an evenly spread sample of at most {@code n} stored vectors
   * (empty for an empty collection): the background a hit must stand out from.
   */
  double[] backgroundScores(float[] query, int n) throws IOException;
}
