package io.clipsearch.lucene;

import io.clipsearch.search.KeywordAnalyzer;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchSession;
import java.io.IOException;
import java.util.Objects;

/**
 * The embedded {@link SearchBackend}: the read side of a {@link VectorIndex}, in-process. Each
 * session is a {@link LuceneSearchSession} on one acquired searcher (one point-in-time view, one
 * acquisition): kNN with the filter inside the graph walk and re-scoring of quantized formats
 * ({@link VectorSearch}), BM25 over names and tags ({@link TextSearch}), filters as Lucene queries
 * ({@link FilterQueries}). Thread-safe.
 */
public final class LuceneSearchBackend implements SearchBackend {

  private final VectorIndex index;
  private final VectorSearch vectorSearch;
  private final LuceneKeywordAnalyzer analyzer = new LuceneKeywordAnalyzer();
  private final TextSearch textSearch = new TextSearch(analyzer);

  /**
   * @param oversample kNN candidates per result for quantized formats (see {@link VectorSearch})
   */
  public LuceneSearchBackend(VectorIndex index, int oversample) {
    this.index = Objects.requireNonNull(index, "index");
    this.vectorSearch = new VectorSearch(index.format(), oversample);
  }

  /** Acquires one searcher, released when the session closes. */
  @Override
  public SearchSession session() throws IOException {
    return new LuceneSearchSession(index.snapshot(), vectorSearch, textSearch);
  }

  @Override
  public KeywordAnalyzer keywordAnalyzer() {
    return analyzer;
  }
}
