package io.clipsearch.api;

import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.browse.PhotoBrowser;
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
 * collection's photos newest first, in the shape of a search response (every hit confident, score
 * 0, no threshold) so clients show them in the same grid; {@code GET /api/collections/{name}/cameras},
 * the cameras to pick from for the camera filter.
 */
@Controller("/api/collections/{name}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BrowseController {

  private static final int DEFAULT_LIMIT = 100;

  private final CollectionService collections;
  private final LimitsConfig limits;

  public BrowseController(CollectionService collections, LimitsConfig limits) {
    this.collections = collections;
    this.limits = limits;
  }

  @Get("/cameras")
  public List<String> cameras(String name) {
    try {
      return PhotoBrowser.cameras(collections.get(name).index());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Get("/photos")
  public SearchResults newest(String name, @Nullable @QueryValue Integer offset, @Nullable @QueryValue Integer limit) {
    int from = offset == null ? 0 : offset;
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (from < 0 || size < 1 || size > limits.maxK()) {
      throw new IllegalArgumentException("offset must be 0 or more and limit 1 to " + limits.maxK());
    }
    long start = System.nanoTime();
    PhotoBrowser.Page page;
    try {
      page = PhotoBrowser.newest(collections.get(name).index(), from, size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<SearchResultHit> hits = page.photos().stream().map(p -> new SearchResultHit(p.id(),
        p.path().toString(), 0, true, false, null, p.size(), p.width(), p.height(), p.date(),
        ImageUrls.thumbnail(p.id(), name), ImageUrls.image(p.id(), name))).toList();
    return new SearchResults(hits, page.total(), page.total(), 0, false,
        (System.nanoTime() - start) / 1_000_000, name);
  }
}
