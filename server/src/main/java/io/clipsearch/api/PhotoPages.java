package io.clipsearch.api;

import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.browse.PhotoBrowser;
import io.clipsearch.search.NoConfidentReason;
import java.util.List;

/**
 * A page of photos listed without a query (browsing, a place on the map) in the shape of a search
 * response, so clients show it in the same grid: every hit confident, score 0, no threshold, {@code
 * confidentCount} = {@code candidates} = the listing's total. Stateless.
 */
final class PhotoPages {

  private PhotoPages() {}

  /**
   * @param filtered whether the listing is filtered (a place): an empty one is then {@code
   *     filtered}, not {@code empty}
   * @param startNanos {@link System#nanoTime()} when the request began
   */
  static SearchResults of(
      String collection, boolean filtered, PhotoBrowser.Page page, long startNanos) {
    List<SearchResultHit> hits =
        page.photos().stream()
            .map(
                p ->
                    new SearchResultHit(
                        p.id(),
                        p.path().toString(),
                        0,
                        true,
                        false,
                        null,
                        p.size(),
                        p.width(),
                        p.height(),
                        p.date(),
                        ImageUrls.thumbnail(p.id(), collection),
                        ImageUrls.image(p.id(), collection)))
            .toList();
    return new SearchResults(
        hits,
        page.total(),
        page.total(),
        0,
        false,
        (System.nanoTime() - startNanos) / 1_000_000,
        collection,
        page.total() > 0
            ? null
            : (filtered ? NoConfidentReason.FILTERED : NoConfidentReason.EMPTY).apiName());
  }
}
