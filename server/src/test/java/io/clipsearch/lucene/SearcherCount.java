package io.clipsearch.lucene;

/**
 * Reads an index's count of acquired searchers, for tests outside this package that check how many
 * point-in-time views a read takes. Stateless.
 */
public final class SearcherCount {

  private SearcherCount() {}

  /** Searchers {@code index} acquired since it was opened (one per search). */
  public static long of(VectorIndex index) {
    return index.searchersAcquired();
  }
}
