package io.clipsearch.api;

import io.clipsearch.api.types.SearchLimits;
import io.clipsearch.api.types.SearchQuery;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The query parameters of {@code GET /api/search} and {@code POST /api/search/image}, bound as one
 * request bean and validated with the constraints of the JSON {@link SearchQuery} (same names, same
 * bounds from {@link SearchLimits}), so a bad parameter gets the same 400 body whichever way it is
 * sent. Field meanings: {@link SearchQuery}.
 */
@Introspected
public record SearchParameters(
    @Nullable @QueryValue @Size(max = SearchLimits.MAX_QUERY_CHARS) String q,
    @Nullable @QueryValue String collection,
    @Nullable @QueryValue String from,
    @Nullable @QueryValue String to,
    @Nullable @QueryValue String folder,
    @Nullable @QueryValue String camera,
    @Nullable @QueryValue String shape,
    @Nullable @QueryValue @Positive Integer minSize,
    @Nullable @QueryValue String sort,
    @Nullable @QueryValue @PositiveOrZero Integer offset,
    @Nullable @QueryValue @Min(1) @Max(SearchLimits.MAX_RESULTS) Integer limit,
    @Nullable @QueryValue @Pattern(regexp = BOOLEAN, message = MUST_BE_BOOLEAN) String hybrid,
    @Nullable @QueryValue @Min(-1) @Max(1) Double minScore,
    @Nullable @QueryValue @Pattern(regexp = BOOLEAN, message = MUST_BE_BOOLEAN) String cutoff,
    @Nullable @QueryValue @Min(-1) @Max(5) Integer minRating,
    @Nullable @QueryValue String label,
    @Nullable @QueryValue @Pattern(regexp = BOOLEAN, message = MUST_BE_BOOLEAN) String rejected) {

  /**
   * Booleans as text, checked here: Micronaut's converter reads {@code maybe} or {@code 2} as
   * false.
   */
  static final String BOOLEAN = "(?i)true|false";

  static final String MUST_BE_BOOLEAN = "must be true or false";

  /** The same search as the JSON body would carry it. */
  public SearchQuery toQuery() {
    return new SearchQuery(
        q,
        collection,
        from,
        to,
        folder,
        camera,
        shape,
        minSize,
        sort,
        offset,
        limit,
        bool(hybrid),
        minScore,
        bool(cutoff),
        minRating,
        label,
        bool(rejected));
  }

  private static Boolean bool(String value) {
    return value == null ? null : Boolean.parseBoolean(value);
  }
}
