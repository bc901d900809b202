package io.clipsearch.app.places;

import io.clipsearch.api.types.PlaceInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups the places on screen into clusters: the map is cut into square cells of {@code cell}
 * pixels and the places of one cell become one cluster. A grid rather than distance clustering
 * because it is one pass over the points (cheap enough for every repaint) and its cells never
 * overlap, so a cluster's rectangle holds no photo of another cluster. Stateless.
 */
public final class PlaceClusters {

  private PlaceClusters() {}

  /**
   * The clusters of the places visible through {@code projection} (and one cell around it, so dots
   * at the edge do not pop), largest first.
   *
   * @param cell cell size in pixels, positive
   * @throws IllegalArgumentException if {@code cell} is not positive
   */
  public static List<PlaceCluster> of(List<PlaceInfo> places, GeoProjection projection, int cell) {
    if (cell <= 0) {
      throw new IllegalArgumentException("cell must be positive, got " + cell);
    }
    Map<Long, Accumulator> cells = new HashMap<>();
    for (PlaceInfo p : places) {
      double x = projection.x(p.longitude());
      double y = projection.y(p.latitude());
      if (x < -cell
          || y < -cell
          || x > projection.width() + cell
          || y > projection.height() + cell) {
        continue;
      }
      long key =
          (Math.floorDiv((long) Math.floor(x), cell) << 32)
              ^ (Math.floorDiv((long) Math.floor(y), cell) & 0xffffffffL);
      cells.computeIfAbsent(key, k -> new Accumulator()).add(p, x, y);
    }
    List<PlaceCluster> clusters = new ArrayList<>(cells.size());
    for (Accumulator a : cells.values()) {
      clusters.add(a.cluster());
    }
    clusters.sort((a, b) -> Integer.compare(b.count(), a.count()));
    return clusters;
  }

  private static final class Accumulator {
    int count;
    double sumX;
    double sumY;
    double west = 180;
    double south = 90;
    double east = -180;
    double north = -90;

    void add(PlaceInfo p, double x, double y) {
      count++;
      sumX += x;
      sumY += y;
      west = Math.min(west, p.longitude());
      east = Math.max(east, p.longitude());
      south = Math.min(south, p.latitude());
      north = Math.max(north, p.latitude());
    }

    PlaceCluster cluster() {
      return new PlaceCluster(
          count, sumX / count, sumY / count, new GeoArea(west, south, east, north));
    }
  }
}
