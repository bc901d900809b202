package io.clipsearch.browse;

import io.clipsearch.index.FactsPage;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.ImageFacts;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchSession;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A collection's photos without a query, newest first (date taken, else modified; ties by path):
 * what a photographer sees before typing anything. The whole listing comes from the index's own
 * order ({@link SearchSession#newest}: on Lucene a sort over the date's doc values that reads only
 * the page) and the camera list from its camera keys ({@link SearchSession#cameraExamples}); a
 * filtered listing (a place on the map) still visits every document.
 */
public final class PhotoBrowser {

  private PhotoBrowser() {}

  /** One photo of the listing. */
  public record Photo(String id, Path path, long size, int width, int height, Instant date) {}

  /** A page of the listing and the collection's total. */
  public record Page(List<Photo> photos, int total) {}

  /**
   * @param offset photos to skip
   * @param limit photos to return
   */
  public static Page newest(SearchSession session, int offset, int limit) throws IOException {
    return page(session.newest(SearchFilters.NONE, offset, limit));
  }

  /**
   * The photos that {@code filters} accept, newest or oldest first (ties by path): browsing with
   * the search filters. Newest first, the index's own order answers ({@link SearchSession#newest});
   * oldest first visits every document.
   *
   * @param offset photos to skip
   * @param limit photos to return
   */
  public static Page listing(
      SearchSession session, SearchFilters filters, boolean oldestFirst, int offset, int limit)
      throws IOException {
    if (!oldestFirst) {
      return page(session.newest(filters, offset, limit));
    }
    Comparator<ImageFacts> order =
        oldestFirst
            ? Comparator.comparingLong(ImageFacts::dateMillis).thenComparing(ImageFacts::path)
            : FactsPage.NEWEST_FIRST;
    return page(FactsPage.sorted(matching(session, filters::accepts), order, offset, limit));
  }

  private static Page page(FactsPage page) {
    return new Page(
        page.facts().stream().map(PhotoBrowser::photo).toList(), Math.toIntExact(page.total()));
  }

  /**
   * The photos that {@code keep} accepts, newest first (a place on the map: those taken there).
   *
   * @param offset photos to skip
   * @param limit photos to return
   */
  public static Page newest(SearchSession session, Predicate<ImageDoc> keep, int offset, int limit)
      throws IOException {
    return page(FactsPage.newestFirst(matching(session, keep), offset, limit));
  }

  private static List<ImageFacts> matching(SearchSession session, Predicate<ImageDoc> keep)
      throws IOException {
    List<ImageFacts> all = new ArrayList<>();
    session.forEach(
        d -> {
          if (keep.test(d)) {
            all.add(d.facts());
          }
        });
    return all;
  }

  /**
   * The collection's cameras as people write them ("Canon EOS R5", the make not repeated), one per
   * camera the filter tells apart (it matches case-insensitively), sorted by name.
   */
  public static List<String> cameras(SearchSession session) throws IOException {
    return session.cameraExamples().values().stream()
        .map(PhotoBrowser::display)
        .sorted(String.CASE_INSENSITIVE_ORDER)
        .toList();
  }

  private static String display(ImageFacts d) {
    String make = d.metadata().cameraMake().map(String::strip).orElse("");
    String model = d.metadata().cameraModel().map(String::strip).orElse("");
    if (!make.isEmpty()
        && model.toLowerCase(Locale.ROOT).startsWith(make.toLowerCase(Locale.ROOT))) {
      make = "";
    }
    return (make + " " + model).strip();
  }

  private static Photo photo(ImageFacts d) {
    return new Photo(
        d.id(), d.path(), d.size(), d.width(), d.height(), Instant.ofEpochMilli(d.dateMillis()));
  }
}
