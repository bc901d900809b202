package io.clipsearch.search;

import io.clipsearch.index.ImageIndex;
import java.io.IOException;

/**
 * The read side of an engine over one collection's {@link ImageIndex}: it opens the {@link
 * SearchSession}s every read goes through (as Lucene's {@code SearcherManager} hands out {@code
 * IndexSearcher}s), and says how its sessions analyze keyword text. It writes nothing and keeps
 * nothing up (merging, warming): the index does. Everything above it (query language, fusion,
 * cutoff, paging, the API, the app) is the same for every engine.
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
}
