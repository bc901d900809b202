package io.clipsearch.api;

import io.clipsearch.api.config.LimitsConfig;
import io.clipsearch.api.types.PlaceList;
import io.clipsearch.api.types.SearchResults;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Places: {@code GET /api/collections/{name}/places?offset=&limit=}, the GPS positions of the
 * photos that carry one, and {@code GET
 * /api/collections/{name}/places/photos?bbox=&offset=&limit=}, the photos taken inside an area,
 * newest first, as a search response. Pages are at most {@code clipsearch.limits.max-k} long.
 */
@Controller("/api/collections/{name}/places")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PlacesController {

  private final PlaceService places;
  private final LimitsConfig limits;

  public PlacesController(PlaceService places, LimitsConfig limits) {
    this.places = places;
    this.limits = limits;
  }

  @Get
  public PlaceList places(
      String name, @Nullable @QueryValue Integer offset, @Nullable @QueryValue Integer limit) {
    return places.places(name, PageRequest.of(offset, limit, limits));
  }

  /**
   * @param bbox {@code west,south,east,north} in degrees
   */
  @Get("/photos")
  public SearchResults photos(
      String name,
      @QueryValue String bbox,
      @Nullable @QueryValue Integer offset,
      @Nullable @QueryValue Integer limit) {
    return places.photosIn(name, GeoBox.parse(bbox), PageRequest.of(offset, limit, limits));
  }
}
