package io.clipsearch.search;

import io.clipsearch.api.types.SearchLimits;
import java.util.Arrays;
import java.util.Objects;

/**
 * One search, as the REST API and the CLI pass it to {@link HybridSearch}. Immutable; the image
 * bytes are copied in and out. A plain value (no Lucene types), ready to become an API record.
 *
 * <p>The constructor checks a search's own invariants, whoever builds it (the REST API, the CLI,
 * the lab): the query's length, the page within {@link SearchLimits#MAX_RESULTS}, the threshold's
 * range, the image's size. The REST API checks the same static caps earlier, as constraints of its
 * request record, and the server's configured (lower) caps in {@code api.SearchService}.
 *
 * @param query the query text in {@link QueryParser}'s language, at most {@link
 *     SearchLimits#MAX_QUERY_CHARS} characters, or null when searching by image
 * @param image encoded bytes of an uploaded image to search by (weight 1, combined with the query
 *     if both are given), or null
 * @param filters which images may be returned (null: {@link SearchFilters#NONE})
 * @param sort result order (null: {@link SortOrder#RELEVANCE})
 * @param offset results skipped, >= 0
 * @param limit results returned, 1..{@link SearchLimits#MAX_RESULTS}, with {@code offset + limit
 *     <=} {@link SearchLimits#MAX_RESULTS}
 * @param mode which rankings are used (null: {@link SearchMode#HYBRID})
 * @param minScore cosine threshold for "confident" overriding the calibrated one, -1..1, or null
 * @param cutoff whether hits below the threshold are left out (name matches of hybrid mode are
 *     kept); when false, every hit is returned and marked
 */
public record SearchRequest(
    String query,
    byte[] image,
    SearchFilters filters,
    SortOrder sort,
    int offset,
    int limit,
    SearchMode mode,
    Double minScore,
    boolean cutoff) {

  /** Largest uploaded image accepted. */
  public static final int MAX_IMAGE_BYTES = 32 * 1024 * 1024;

  /**
   * @throws IllegalArgumentException if there is neither query nor image, the query is too long, or
   *     a number is out of range (the message names it)
   */
  public SearchRequest {
    if (query != null && query.isBlank()) {
      query = null;
    }
    if (query != null && query.length() > SearchLimits.MAX_QUERY_CHARS) {
      throw new IllegalArgumentException(
          "query is "
              + query.length()
              + " characters long, at most "
              + SearchLimits.MAX_QUERY_CHARS
              + " are allowed");
    }
    if (query == null && image == null) {
      throw new IllegalArgumentException("a search needs a query, an image, or both");
    }
    if (image != null) {
      if (image.length == 0 || image.length > MAX_IMAGE_BYTES) {
        throw new IllegalArgumentException(
            "image must be 1 to " + MAX_IMAGE_BYTES + " bytes, got " + image.length);
      }
      image = image.clone();
    }
    filters = filters == null ? SearchFilters.NONE : filters;
    sort = sort == null ? SortOrder.RELEVANCE : sort;
    mode = mode == null ? SearchMode.HYBRID : mode;
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, got " + offset);
    }
    if (limit < 1 || limit > SearchLimits.MAX_RESULTS) {
      throw new IllegalArgumentException(
          "limit must be 1-" + SearchLimits.MAX_RESULTS + ", got " + limit);
    }
    if (offset > SearchLimits.MAX_RESULTS - limit) { // not offset + limit: it overflows
      throw new IllegalArgumentException(
          "offset + limit must be at most "
              + SearchLimits.MAX_RESULTS
              + ", got "
              + offset
              + " + "
              + limit);
    }
    if (minScore != null && !(minScore >= -1 && minScore <= 1)) {
      throw new IllegalArgumentException("minScore must be between -1 and 1, got " + minScore);
    }
  }

  /**
   * A text query with the defaults: no filter, by relevance, first 50, hybrid, calibrated cutoff.
   */
  public static SearchRequest of(String query) {
    return new SearchRequest(
        query, null, null, null, 0, SearchLimits.DEFAULT_LIMIT, SearchMode.HYBRID, null, true);
  }

  public SearchRequest withFilters(SearchFilters f) {
    return new SearchRequest(query, image, f, sort, offset, limit, mode, minScore, cutoff);
  }

  SearchRequest withSort(SortOrder s) {
    return new SearchRequest(query, image, filters, s, offset, limit, mode, minScore, cutoff);
  }

  public SearchRequest withPage(int newOffset, int newLimit) {
    return new SearchRequest(
        query, image, filters, sort, newOffset, newLimit, mode, minScore, cutoff);
  }

  public SearchRequest withMode(SearchMode m) {
    return new SearchRequest(query, image, filters, sort, offset, limit, m, minScore, cutoff);
  }

  /** With a fixed threshold ({@code null}: calibrated) and whether to cut below it. */
  public SearchRequest withCutoff(Double min, boolean cut) {
    return new SearchRequest(query, image, filters, sort, offset, limit, mode, min, cut);
  }

  @Override
  public byte[] image() {
    return image == null ? null : image.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchRequest r
        && Objects.equals(query, r.query)
        && Arrays.equals(image, r.image)
        && filters.equals(r.filters)
        && sort == r.sort
        && offset == r.offset
        && limit == r.limit
        && mode == r.mode
        && Objects.equals(minScore, r.minScore)
        && cutoff == r.cutoff;
  }

  @Override
  public int hashCode() {
    return Objects.hash(query, filters, sort, offset, limit, mode, minScore, cutoff) * 31
        + Arrays.hashCode(image);
  }

  @Override
  public String toString() {
    return "SearchRequest[query="
        + query
        + ", image="
        + (image == null ? "none" : image.length + " bytes")
        + ", filters="
        + filters
        + ", sort="
        + sort
        + ", offset="
        + offset
        + ", limit="
        + limit
        + ", mode="
        + mode
        + ", minScore="
        + minScore
        + ", cutoff="
        + cutoff
        + "]";
  }
}
