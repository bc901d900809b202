package io.clipsearch.search;

import io.clipsearch.index.ImageDoc;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

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
 */
public record SearchFilters(
    Instant from, Instant to, String folder, String camera, Shape shape, Integer minShortSide) {

  /** No constraint at all. */
  public static final SearchFilters NONE = new SearchFilters(null, null, null, null, null, null);

  /**
   * @throws IllegalArgumentException if {@code from} is not before {@code to}, the folder is not
   *     absolute, the camera is blank or the minimum size is not positive
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
        && (minShortSide == null || Math.min(doc.width(), doc.height()) >= minShortSide);
  }
}
