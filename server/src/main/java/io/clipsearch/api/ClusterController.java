package io.clipsearch.api;

import io.clipsearch.api.security.Mutating;
import io.clipsearch.api.types.ClusterList;
import io.clipsearch.api.types.CollectionMapView;
import io.clipsearch.api.types.DuplicateGroups;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Organizing a collection: its clusters (with names and representative images), a 2-D map at levels
 * of detail, and near-duplicate groups. Results are computed on first request (seconds for large
 * collections) and cached.
 */
@Controller("/api/collections/{name}")
@ExecuteOn(HeavyRequests.EXECUTOR)
public class ClusterController {

  static final String DEFAULT_MAP_LIMIT = "2000";

  private final ClusterService clusters;

  public ClusterController(ClusterService clusters) {
    this.clusters = clusters;
  }

  /** The current clusters; choosing {@code k} changes them, so it is a token-protected POST. */
  @Get("/clusters")
  public ClusterList clusters(String name, @Nullable @QueryValue Integer k) {
    if (k != null) {
      throw new IllegalArgumentException("k re-clusters the collection: use POST with the token");
    }
    return clusters.clusters(name, null, false);
  }

  @Post("/clusters")
  @Mutating
  public ClusterList recompute(String name, @Nullable @QueryValue Integer k) {
    return clusters.clusters(name, k, true);
  }

  @Get("/map")
  public CollectionMapView map(
      String name,
      @Nullable @QueryValue String bbox,
      @QueryValue(defaultValue = DEFAULT_MAP_LIMIT) int limit,
      @Nullable @QueryValue String method) {
    return clusters.map(name, bbox, limit, method);
  }

  @Get("/duplicates")
  public DuplicateGroups duplicates(String name, @Nullable @QueryValue Double threshold) {
    return clusters.duplicates(name, threshold);
  }
}
