package io.clipsearch.app.search;

import io.clipsearch.api.types.SearchQuery;
import java.time.LocalDate;
import java.util.Set;

/**
 * The filters panel's state: date range (both ends inclusive, as people read them), folder, camera,
 * shape, minimum size, sort, minimum star rating (XMP) and whether rejected photos show. Immutable;
 * {@link #NONE} has nothing set and hides rejected photos, as the server does.
 *
 * @param from first day, or null
 * @param to last day (inclusive), or null
 * @param folder absolute folder (images in it or below), or null
 * @param camera "make model", or null
 * @param shape {@code landscape}, {@code portrait}, {@code square}, or null
 * @param minSize minimum shorter side in pixels, or null
 * @param sort {@code relevance}, {@code date_desc} or {@code date_asc}
 * @param minRating fewest stars (1-5) a photo's XMP rating must have, or null
 * @param showRejected also show photos rejected (rated -1) in Lightroom, darktable or digiKam
 * @param person the name of a person of the People tab (photos of that person only), or null
 */
public record FilterChoices(
    LocalDate from,
    LocalDate to,
    String folder,
    String camera,
    String shape,
    Integer minSize,
    String sort,
    Integer minRating,
    boolean showRejected,
    String person) {

  private static final Set<String> SHAPES = Set.of("landscape", "portrait", "square");
  private static final Set<String> SORTS = Set.of("relevance", "date_desc", "date_asc");

  /** Nothing filtered, sorted by relevance (after the sets its constructor checks against). */
  public static final FilterChoices NONE =
      new FilterChoices(null, null, null, null, null, null, "relevance");

  /** Without a rating filter, rejected photos hidden. */
  public FilterChoices(
      LocalDate from,
      LocalDate to,
      String folder,
      String camera,
      String shape,
      Integer minSize,
      String sort) {
    this(from, to, folder, camera, shape, minSize, sort, null, false, null);
  }

  /**
   * Blank strings become null.
   *
   * @throws IllegalArgumentException if the range is reversed, the shape or sort is unknown, the
   *     minimum size is not positive, or the rating not 1-5
   */
  public FilterChoices {
    folder = blankToNull(folder);
    camera = blankToNull(camera);
    person = blankToNull(person);
    shape = blankToNull(shape);
    sort = sort == null || sort.isBlank() ? "relevance" : sort;
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException(
          "the date range ends (" + to + ") before it starts (" + from + ")");
    }
    if (shape != null && !SHAPES.contains(shape)) {
      throw new IllegalArgumentException(
          "shape must be landscape, portrait or square, got " + shape);
    }
    if (!SORTS.contains(sort)) {
      throw new IllegalArgumentException(
          "sort must be relevance, date_desc or date_asc, got " + sort);
    }
    if (minSize != null && minSize <= 0) {
      throw new IllegalArgumentException("minimum size must be positive, got " + minSize);
    }
    if (minRating != null && (minRating < 1 || minRating > 5)) {
      throw new IllegalArgumentException("minimum rating must be 1-5 stars, got " + minRating);
    }
  }

  /** Whether any filter (not the sort) is set. */
  public boolean isFiltering() {
    return from != null
        || to != null
        || folder != null
        || camera != null
        || shape != null
        || minSize != null
        || minRating != null
        || person != null;
  }

  FilterChoices withFolder(String f) {
    return new FilterChoices(
        from, to, f, camera, shape, minSize, sort, minRating, showRejected, person);
  }

  FilterChoices withShape(String s) {
    return new FilterChoices(
        from, to, folder, camera, s, minSize, sort, minRating, showRejected, person);
  }

  FilterChoices withSort(String s) {
    return new FilterChoices(
        from, to, folder, camera, shape, minSize, s, minRating, showRejected, person);
  }

  /**
   * The API query for {@code text} with these filters; the server's {@code to} is exclusive, so the
   * last day is sent as the day after. Rejected photos are asked for only when shown: searching
   * hides them by default, browsing lists them unless filtered.
   */
  public SearchQuery toQuery(
      String text, String collection, int offset, int limit, boolean cutoff) {
    return new SearchQuery(
        text,
        collection,
        from == null ? null : from.toString(),
        to == null ? null : to.plusDays(1).toString(),
        folder,
        camera,
        shape,
        minSize,
        "relevance".equals(sort) ? null : sort,
        offset == 0 ? null : offset,
        limit,
        null,
        null,
        cutoff ? null : Boolean.FALSE,
        minRating,
        null,
        showRejected ? Boolean.TRUE : null,
        person);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
