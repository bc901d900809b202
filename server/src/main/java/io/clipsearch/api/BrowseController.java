package io.clipsearch.api;

import io.clipsearch.api.config.LimitsConfig;
import io.clipsearch.api.types.SearchQuery;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.browse.PhotoBrowser;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchSession;
import io.clipsearch.search.SortOrder;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Browsing without a query: {@code GET /api/collections/{name}/photos?offset=&limit=}, the
 * collection's photos newest first (or {@code sort=date_asc}: oldest first), optionally with a
 * search's filters ({@code from}, {@code to}, {@code folder}, {@code camera}, {@code shape}, {@code
 * minSize}, bound as the {@link SearchQuery} of a search), in the shape of a search response (every
 * hit confident, score 0, no threshold) so clients show them in the same grid; {@code GET
 * /api/collections/{name}/cameras}, the cameras to pick from for the camera filter.
 */
@Controller("/api/collections/{name}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BrowseController {

  private final CollectionService collections;
  private final LimitsConfig limits;

  public BrowseController(CollectionService collections, LimitsConfig limits) {
    this.collections = collections;
    this.limits = limits;
  }

  @Get("/cameras")
  public List<String> cameras(String name) {
    try (SearchSession session = collections.get(name).backend().session()) {
      return PhotoBrowser.cameras(session);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One page of photos. The query string is bound as the {@link SearchQuery} of {@code GET
   * /api/search} ({@link SearchQueryBinder}); this listing reads its page, filters and sort, and
   * checks the page against the server's {@link LimitsConfig} ({@link PageRequest}, default limit
   * 100), not against a search's bounds.
   */
  @Get("/photos")
  public SearchResults newest(String name, SearchQuery query) {
    PageRequest page = PageRequest.of(query.offset(), query.limit(), limits);
    boolean oldestFirst =
        query.sort() != null
            && SearchService.named("sort", SortOrder.class, query.sort()) == SortOrder.DATE_ASC;
    long start = System.nanoTime();
    SearchFilters filters = SearchService.filters(query);
    try (SearchSession session = collections.get(name).backend().session()) {
      return PhotoPages.of(
          name,
          !filters.isEmpty(),
          PhotoBrowser.listing(session, filters, oldestFirst, page.offset(), page.limit()),
          start);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
