package io.clipsearch.api;

import io.clipsearch.api.types.SearchQuery;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.model.image.ImageDecodeException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;

/**
 * Search: {@code GET /api/search?q=...} for text, {@code POST /api/search} with a JSON {@link
 * SearchQuery}, {@code POST /api/search/image} with an image as the body (search by example).
 */
@Controller("/api/search")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SearchController {

  private final SearchApi search;

  public SearchController(SearchApi search) {
    this.search = search;
  }

  @Get
  public SearchResults get(@Nullable @QueryValue String q, @Nullable @QueryValue String collection,
      @Nullable @QueryValue String from, @Nullable @QueryValue String to,
      @Nullable @QueryValue String folder, @Nullable @QueryValue String camera,
      @Nullable @QueryValue String shape, @Nullable @QueryValue Integer minSize,
      @Nullable @QueryValue String sort, @Nullable @QueryValue Integer offset,
      @Nullable @QueryValue Integer limit, @Nullable @QueryValue Boolean hybrid,
      @Nullable @QueryValue Double minScore, @Nullable @QueryValue Boolean cutoff)
      throws ImageDecodeException {
    return search.search(new SearchQuery(q, collection, from, to, folder, camera, shape, minSize,
        sort, offset, limit, hybrid, minScore, cutoff), null);
  }

  @Post(consumes = MediaType.APPLICATION_JSON)
  public SearchResults post(@Body @Valid SearchQuery query) throws ImageDecodeException {
    return search.search(query, null);
  }

  /** Search by example: the image's bytes as the body, every other field as in {@code GET}. */
  @Post(uri = "/image", consumes = MediaType.ALL)
  public SearchResults byImage(@Body byte[] image, @Nullable @QueryValue String q,
      @Nullable @QueryValue String collection, @Nullable @QueryValue String from,
      @Nullable @QueryValue String to, @Nullable @QueryValue String folder,
      @Nullable @QueryValue String camera, @Nullable @QueryValue String shape,
      @Nullable @QueryValue Integer minSize, @Nullable @QueryValue String sort,
      @Nullable @QueryValue Integer offset, @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue Boolean hybrid, @Nullable @QueryValue Double minScore,
      @Nullable @QueryValue Boolean cutoff) throws ImageDecodeException {
    if (image.length == 0) {
      throw new IllegalArgumentException("send the image's bytes as the request body");
    }
    return search.search(new SearchQuery(q, collection, from, to, folder, camera, shape, minSize,
        sort, offset, limit, hybrid, minScore, cutoff), image);
  }

}
