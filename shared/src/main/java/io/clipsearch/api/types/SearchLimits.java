package io.clipsearch.api.types;

/**
 * The bounds of one search, defined once for the server's validation and engines, the API records
 * and the client: how deep a search ranks, how long a query may be, how many results a page has
 * unless asked. The server's {@code clipsearch.limits.*} may lower the first two, never raise them.
 */
public final class SearchLimits {

  /** Deepest result a search reaches: the kNN k, {@code offset + limit} at most. */
  public static final int MAX_RESULTS = 1000;

  /** Characters in a query. */
  public static final int MAX_QUERY_CHARS = 1000;

  /** Results per page when the request does not say. */
  public static final int DEFAULT_LIMIT = 50;

  private SearchLimits() {}
}
