package io.clipsearch.search;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.XmpTags;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Which images a search may return; every component is optional ({@code null}: no constraint) and
 * all given ones must hold. A plain value type (no Lucene), ready to become an API record.
 *
 * @param from earliest date, inclusive (date taken, else file mtime)
 * @param to latest date, exclusive, so a month is {@code [1st, 1st of next month)}
 * @param folder absolute folder: images in it or any folder below it
 * @param camera "make model" as the index records it (matched case-insensitively, exactly)
 * @param shape landscape, portrait or square
 * @param minShortSide minimum length in pixels of the image's shorter side, positive
 * @param minRating lowest XMP star rating, -1 to 5 (photos without a rating never pass)
 * @param maxRating highest XMP star rating, -1 to 5, not below {@code minRating}
 * @param label XMP colour label, lower case ({@code red}, {@code green}, …)
 * @param hideRejected leave out photos rated -1 (rejected) in Lightroom, darktable or digiKam; the
 *     API and {@code clipsearch search} set it unless asked for rejected photos, {@link #NONE}
 *     hides nothing
 * @param ids only these content ids (the photos of the persons a query names, {@code person:Anna});
 *     an empty set lets no photo pass
 * @param excludedIds none of these content ids (the photos of the persons a query excludes, {@code
 *     -person:Ben}); null or empty: no constraint
 */
public record SearchFilters(
    Instant from,
    Instant to,
    String folder,
    String camera,
    Shape shape,
    Integer minShortSide,
    Integer minRating,
    Integer maxRating,
    String label,
    boolean hideRejected,
    Set<String> ids,
    Set<String> excludedIds) {

  /** No constraint at all: rejected photos included. */
  public static final SearchFilters NONE =
      new SearchFilters(null, null, null, null, null, null, null, null, null, false);

  /** Constraints without a set of ids. */
  public SearchFilters(
      Instant from,
      Instant to,
      String folder,
      String camera,
      Shape shape,
      Integer minShortSide,
      Integer minRating,
      Integer maxRating,
      String label,
      boolean hideRejected) {
    this(
        from,
        to,
        folder,
        camera,
        shape,
        minShortSide,
        minRating,
        maxRating,
        label,
        hideRejected,
        null,
        null);
  }

  /** Lowest and highest XMP rating: -1 is rejected, 0 unrated, 5 five stars. */
  public static final int REJECTED = -1;

  public static final int MAX_RATING = 5;

  /** Constraints without XMP ones: rejected photos included. */
  public SearchFilters(
      Instant from, Instant to, String folder, String camera, Shape shape, Integer minShortSide) {
    this(from, to, folder, camera, shape, minShortSide, null, null, null, false);
  }

  /**
   * @throws IllegalArgumentException if {@code from} is not before {@code to}, the folder is not
   *     absolute, the camera is blank, the minimum size is not positive, a rating is outside -1..5
   *     or the minimum above the maximum, or the label blank
   */
  public SearchFilters {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException(
          "date range is empty: from " + from + " is not before to " + to);
    }
    if (folder != null) {
      Path p = Path.of(folder);
      if (!p.isAbsolute()) {
        throw new IllegalArgumentException("folder must be an absolute path, got '" + folder + "'");
      }
      folder = p.normalize().toString();
    }
    if (camera != null) {
      if (camera.isBlank()) {
        throw new IllegalArgumentException("camera must not be blank");
      }
      camera = camera.strip().toLowerCase(Locale.ROOT);
    }
    if (minShortSide != null && minShortSide < 1) {
      throw new IllegalArgumentException("minShortSide must be positive, got " + minShortSide);
    }
    checkRating("minRating", minRating);
    checkRating("maxRating", maxRating);
    if (minRating != null && maxRating != null && minRating > maxRating) {
      throw new IllegalArgumentException(
          "rating range is empty: minRating " + minRating + " > maxRating " + maxRating);
    }
    if (label != null) {
      if (label.isBlank()) {
        throw new IllegalArgumentException("label must not be blank");
      }
      label = label.strip().toLowerCase(Locale.ROOT);
    }
    if (ids != null) {
      ids = Set.copyOf(ids);
    }
    // none excluded is no constraint: normalized so that isEmpty() sees no filter
    excludedIds = excludedIds == null || excludedIds.isEmpty() ? null : Set.copyOf(excludedIds);
  }

  private static void checkRating(String name, Integer rating) {
    if (rating != null && (rating < REJECTED || rating > MAX_RATING)) {
      throw new IllegalArgumentException(
          name + " must be " + REJECTED + ".." + MAX_RATING + ", got " + rating);
    }
  }

  /** These filters hiding rejected photos, or not. */
  public SearchFilters hidingRejected(boolean hide) {
    return new SearchFilters(
        from,
        to,
        folder,
        camera,
        shape,
        minShortSide,
        minRating,
        maxRating,
        label,
        hide,
        ids,
        excludedIds);
  }

  /** These filters letting only {@code only} pass (null: no constraint on ids). */
  public SearchFilters withIds(Set<String> only) {
    return new SearchFilters(
        from,
        to,
        folder,
        camera,
        shape,
        minShortSide,
        minRating,
        maxRating,
        label,
        hideRejected,
        only,
        excludedIds);
  }

  /** These filters letting none of {@code excluded} pass (null or empty: no constraint). */
  public SearchFilters excludingIds(Set<String> excluded) {
    return new SearchFilters(
        from,
        to,
        folder,
        camera,
        shape,
        minShortSide,
        minRating,
        maxRating,
        label,
        hideRejected,
        ids,
        excluded);
  }

  /**
   * These filters with the XMP ones of {@code typed} (a query's {@code rating>=4}, {@code
   * label:red}) where it sets them; asking for rejected photos ({@code rating:-1}) shows them.
   *
   * @throws IllegalArgumentException if the ratings together make an empty range
   */
  public SearchFilters withXmpOf(SearchFilters typed) {
    Integer min = typed.minRating != null ? typed.minRating : minRating;
    Integer max = typed.maxRating != null ? typed.maxRating : maxRating;
    boolean hide = hideRejected && (min == null || min != REJECTED);
    return new SearchFilters(
        from,
        to,
        folder,
        camera,
        shape,
        minShortSide,
        min,
        max,
        typed.label != null ? typed.label : label,
        hide,
        ids,
        excludedIds);
  }

  /** Whether no constraint is set. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /**
   * Whether {@code doc} passes every constraint, as the engines' filters decide it: for listings
   * that visit the documents instead of querying an engine (browsing with filters).
   */
  public boolean accepts(ImageDoc doc) {
    long date = doc.dateMillis();
    return (from == null || date >= from.toEpochMilli())
        && (to == null || date < to.toEpochMilli())
        && (folder == null || doc.path().getParent().startsWith(Path.of(folder)))
        && (camera == null || doc.camera().filter(camera::equals).isPresent())
        && (shape == null || shape.name().toLowerCase(Locale.ROOT).equals(doc.shape()))
        && (minShortSide == null || Math.min(doc.width(), doc.height()) >= minShortSide)
        && (ids == null || ids.contains(doc.id()))
        && (excludedIds == null || !excludedIds.contains(doc.id()))
        && acceptsXmp(doc.metadata().xmp());
  }

  private boolean acceptsXmp(XmpTags xmp) {
    Integer rating = xmp.rating();
    return (minRating == null || (rating != null && rating >= minRating))
        && (maxRating == null || (rating != null && rating <= maxRating))
        && (label == null || label.equals(xmp.label()))
        && !(hideRejected && xmp.rejected());
  }
}
