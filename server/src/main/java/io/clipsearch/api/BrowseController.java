package io.clipsearch.api;

import io.clipsearch.api.config.LimitsConfig;
import io.clipsearch.api.types.SearchQuery;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.browse.PhotoBrowser;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchSession;
import io.clipsearch.search.SortOrder;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Browsing without a query: {@code GET /api/collections/{name}/photos?offset=&limit=}, the
 * collection's photos newest first (or {@code sort=date_asc}: oldest first), optionally with a
 * search's filters ({@code from}, {@code to}, {@code folder}, {@code camera}, {@code shape}, {@code
 * minSize}, {@code minRating}, {@code label}, as in {@link SearchQuery}; rejected photos are listed
 * unless {@code rejected=false}), in the shape of a search response (every hit confident, score 0,
 * no threshold) so clients show them in the same grid; {@code GET /api/collections/{name}/cameras},
 * the cameras to pick from for the camera filter.
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

  @Get("/photos")
  public SearchResults newest(
      String name,
      @Nullable @QueryValue Integer offset,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue String from,
      @Nullable @QueryValue String to,
      @Nullable @QueryValue String folder,
      @Nullable @QueryValue String camera,
      @Nullable @QueryValue String shape,
      @Nullable @QueryValue Integer minSize,
      @Nullable @QueryValue String sort,
      @Nullable @QueryValue Integer minRating,
      @Nullable @QueryValue String label,
      @Nullable @QueryValue Boolean rejected,
      @Nullable @QueryValue String person) {
    PageRequest page = PageRequest.of(offset, limit, limits);
    boolean oldestFirst =
        sort != null && SearchService.named("sort", SortOrder.class, sort) == SortOrder.DATE_ASC;
    long start = System.nanoTime();
    // a listing of the library shows rejected photos unless asked not to: hiding them by default
    // would turn every unfiltered page into a filtered visit of the whole collection
    SearchFilters filters =
        SearchService.filters(
                from,
                to,
                folder,
                camera,
                shape,
                minSize,
                minRating,
                label,
                Boolean.FALSE.equals(rejected))
            .withIds(SearchService.photosOf(collections.get(name), person));
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
