package io.clipsearch.search;

import io.clipsearch.index.ImageIndex;
import io.clipsearch.index.WarmUp;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What {@link HybridSearch} needs from an engine, over one collection's {@link ImageIndex}: a
 * {@link SearchSession} per search (filtered nearest neighbours, filtered BM25 keyword matches, a
 * sample of background similarities for the calibrated cutoff, the page's documents) and the
 * keyword analysis of its index. Everything above it (query language, fusion, cutoff, paging, the
 * API, the app) is the same for every engine.
 *
 * <p>Implementations: {@code io.clipsearch.lucene.LuceneSearchBackend} (embedded) and the SolrCloud
 * backend in {@code io.clipsearch.solr}. Both apply filters inside the kNN search (not after it),
 * so a filtered search still returns {@code k} results when that many pass. Thread-safe; sessions
 * are not.
 */
public interface SearchBackend {

  /** The index searched: documents by key and id. */
  ImageIndex index();

  /**
   * Opens a session for one search: one point-in-time view where the engine has one. Close it
   * (try-with-resources).
   *
   * @throws IOException if the index cannot be read
   */
  SearchSession session() throws IOException;

  /** How the index analyzes keyword text. */
  KeywordAnalyzer keywordAnalyzer();

  /**
   * Starts preparing the index for fast searches in the background, once: reading what searches
   * page through into memory and running a few searches, so the first searches after opening a
   * large index do not fault it in from disk page by page. A server calls it when it opens a
   * collection; searches run meanwhile as they would without it. This default does nothing: for
   * engines that keep their own caches.
   *
   * @return completes when done, or when the index was closed first
   */
  default CompletableFuture<WarmUp> warmUp() {
    return CompletableFuture.completedFuture(WarmUp.NOTHING);
  }

  /** {@link SearchSession#nearest} in a session of its own, for callers making one query. */
  default List<ScoredImage> nearest(float[] query, int k, SearchFilters filters)
      throws IOException {
    try (SearchSession session = session()) {
      return session.nearest(query, k, filters);
    }
  }
}
