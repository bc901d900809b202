package io.clipsearch.api.types;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A search: the one request type of {@code POST /api/search} (as JSON), {@code GET /api/search} and
 * {@code POST /api/search/image} (the same fields as query parameters, same names). Its constraints
 * are the API contract's static caps from {@link SearchLimits}, checked when a request is bound,
 * whichever way it came; a server may configure lower ones.
 *
 * @param q the query in clipsearch's query language ({@code beach sunset -people}, {@code 2:"red
 *     car"}, {@code like:<id>}); may be empty when searching by image
 * @param collection the collection to search (null: the server's default)
 * @param from earliest date (taken, else modified), inclusive: {@code 2024-06-01} or an ISO instant
 * @param to latest date, exclusive, in the same forms
 * @param folder only images in this folder or below
 * @param camera only this camera ("make model", as listed by the server)
 * @param shape landscape, portrait or square
 * @param minSize minimum length of the shorter side, in pixels
 * @param sort relevance (default), date_desc or date_asc
 * @param offset results to skip
 * @param limit results to return (1-{@value SearchLimits#MAX_RESULTS}, default {@value
 *     SearchLimits#DEFAULT_LIMIT})
 * @param hybrid fuse file/folder/camera name matches (BM25) with the visual ranking (default true)
 * @param minScore a fixed "confident" threshold instead of the calibrated one
 * @param cutoff leave out results below the threshold (default true)
 * @param minRating only photos rated at least this many stars in XMP (Lightroom, darktable,
 *     digiKam…), -1 to 5
 * @param label only photos with this XMP colour label ({@code red}, {@code green}, …)
 * @param rejected also return photos rated -1 (rejected), which a search leaves out by default
 * @param person only photos of the person (or persons) so named in the collection's People,
 *     compared without case; as the query language's {@code person:Anna}
 */
@Serdeable
public record SearchQuery(
    @Nullable @Size(max = SearchLimits.MAX_QUERY_CHARS) String q,
    @Nullable String collection,
    @Nullable String from,
    @Nullable String to,
    @Nullable String folder,
    @Nullable String camera,
    @Nullable String shape,
    @Nullable @Positive Integer minSize,
    @Nullable String sort,
    @Nullable @PositiveOrZero Integer offset,
    @Nullable @Min(1) @Max(SearchLimits.MAX_RESULTS) Integer limit,
    @Nullable Boolean hybrid,
    @Nullable @Min(-1) @Max(1) Double minScore,
    @Nullable Boolean cutoff,
    @Nullable @Min(-1) @Max(5) Integer minRating,
    @Nullable String label,
    @Nullable Boolean rejected,
    @Nullable String person) {

  /** Bound from JSON: every field. */
  @Creator
  public SearchQuery {}

  /** A search without XMP filters (rejected photos left out). */
  public SearchQuery(
      String q,
      String collection,
      String from,
      String to,
      String folder,
      String camera,
      String shape,
      Integer minSize,
      String sort,
      Integer offset,
      Integer limit,
      Boolean hybrid,
      Double minScore,
      Boolean cutoff) {
    this(
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
        hybrid,
        minScore,
        cutoff,
        null,
        null,
        null,
        null);
  }
}
