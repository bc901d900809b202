package io.clipsearch.cluster;

import java.util.Objects;

/**
 * One image on the collection map.
 *
 * @param id image id
 * @param x horizontal position in [0, 1]
 * @param y vertical position in [0, 1]
 * @param cluster its cluster number, or -1 when the map was made without clusters
 */
public record MapPoint(String id, float x, float y, int cluster) {
  /**
   * @throws IllegalArgumentException if a coordinate is outside [0, 1]
   */
  public MapPoint {
    Objects.requireNonNull(id, "id");
    if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
      throw new IllegalArgumentException("coordinates must be in [0, 1], got " + x + ", " + y);
    }
  }
}
