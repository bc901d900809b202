package io.clipsearch.search;

import io.clipsearch.index.ImageIndex;
import io.clipsearch.index.WarmUp;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The read side of an engine over one collection's {@link ImageIndex}: it opens the {@link
 * SearchSession}s every read goes through (as Lucene's {@code SearcherManager} hands out {@code
 * IndexSearcher}s), and says how its sessions analyze keyword text and how to make them fast. It
 * writes nothing; the index does. Everything above it (query language, fusion, cutoff, paging, the
 * API, the app) is the same for every engine.
 *
 * <p>Implementations: {@code io.clipsearch.lucene.LuceneSearchBackend} (embedded) and {@code
 * io.clipsearch.solr.SolrSearchBackend}. Both apply filters inside the kNN search (not after it),
 * so a filtered search still returns {@code k} results when that many pass. Thread-safe; sessions
 * are not.
 */
public interface SearchBackend {

  /**
   * Opens a session: one point-in-time view where the engine has one. Close it
   * (try-with-resources).
   *
   * @throws IOException if the index cannot be read
   */
  SearchSession session() throws IOException;

  /** How the sessions analyze keyword text. */
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
}
