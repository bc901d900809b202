package io.clipsearch.api;

import io.clipsearch.api.types.SearchQuery;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.model.image.ImageDecodeException;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.ParameterStyle;
import jakarta.validation.Valid;

/**
 * Search: {@code GET /api/search?q=...} for text, {@code POST /api/search} with a JSON {@link
 * SearchQuery}, {@code POST /api/search/image} with an image as the body (search by example). All
 * three take the one request type {@link SearchQuery} (from the query string through {@link
 * SearchQueryBinder}, or from the JSON body), validate its constraints, and call {@link
 * SearchService} once.
 *
 * <p>{@code @Parameter(in = QUERY, style = FORM, explode = TRUE)} tells the OpenAPI document what
 * the binder does: each field of the record is a query parameter of its own.
 */
@Controller("/api/search")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SearchController {

  private final SearchService search;

  public SearchController(SearchService search) {
    this.search = search;
  }

  @Get
  public SearchResults get(
      @Valid @Parameter(in = ParameterIn.QUERY, style = ParameterStyle.FORM, explode = Explode.TRUE)
          SearchQuery query)
      throws ImageDecodeException {
    return search.search(query, null);
  }

  @Post(consumes = MediaType.APPLICATION_JSON)
  public SearchResults post(@Body @Valid SearchQuery query) throws ImageDecodeException {
    return search.search(query, null);
  }

  /** Search by example: the image's bytes as the body, every other field as in {@code GET}. */
  @Post(uri = "/image", consumes = MediaType.ALL)
  public SearchResults byImage(
      @Body byte[] image,
      @Valid @Parameter(in = ParameterIn.QUERY, style = ParameterStyle.FORM, explode = Explode.TRUE)
          SearchQuery query)
      throws ImageDecodeException {
    return search.search(query, image);
  }
}
