package io.clipsearch.solr;

import io.clipsearch.search.KeywordAnalyzer;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchSession;
import java.util.Objects;

/**
 * The read side of a {@link SolrImageIndex}: opens {@link SolrSearchSession}s, whose reads are
 * requests as they come (Solr keeps no point-in-time view between them, so a session holds
 * nothing). Thread-safe.
 */
public final class SolrSearchBackend implements SearchBackend {

  private final SolrImageIndex index;

  public SolrSearchBackend(SolrImageIndex index) {
    this.index = Objects.requireNonNull(index, "index");
  }

  /** Closing the session releases nothing. */
  @Override
  public SearchSession session() {
    return new SolrSearchSession(index);
  }

  @Override
  public KeywordAnalyzer keywordAnalyzer() {
    return index.keywordAnalyzer();
  }
}
