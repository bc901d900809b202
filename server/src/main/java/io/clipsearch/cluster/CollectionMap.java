package io.clipsearch.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A 2-D map of a collection, served at levels of detail.
 *
 * <p>Level of detail: the points are kept in an order in which every prefix is a sample of the map
 * stratified by cluster (each cluster's points are ranked pseudo-randomly by id, and point of rank
 * {@code r} in a cluster of size {@code s} gets the key {@code (r + 0.5) / s}; sorting by that key
 * interleaves clusters in proportion to their sizes, and the smallest clusters appear early).
 * {@link #view} takes the first {@code limit} points inside a bounding box: the overview (the whole
 * box, a few thousand points) shows every cluster in its proportion, and zooming into a small box
 * returns all of its points once they are fewer than the limit. A scan costs O(n) with no
 * allocation beyond the answer, a few milliseconds at 100k points.
 *
 * <p>Immutable.
 *
 * @param modelId the model of the vectors mapped
 * @param documents live documents in the index when it was made (the staleness check)
 * @param method {@code umap} or {@code pca}
 * @param points every image, in level-of-detail order
 */
public record CollectionMap(String modelId, long documents, String method, List<MapPoint> points) {

  public CollectionMap {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(method, "method");
    points = List.copyOf(points);
  }

  /** A map of these points, put in level-of-detail order. */
  public static CollectionMap of(
      String modelId, long documents, String method, List<MapPoint> points) {
    Map<Integer, List<MapPoint>> byCluster = new HashMap<>();
    for (MapPoint p : points) {
      byCluster.computeIfAbsent(p.cluster(), c -> new ArrayList<>()).add(p);
    }
    Map<MapPoint, Double> key = new HashMap<>();
    for (List<MapPoint> members : byCluster.values()) {
      members.sort(
          Comparator.comparingInt((MapPoint p) -> mix(p.id())).thenComparing(MapPoint::id));
      for (int r = 0; r < members.size(); r++) {
        key.put(members.get(r), (r + 0.5) / members.size());
      }
    }
    List<MapPoint> ordered = new ArrayList<>(points);
    ordered.sort(
        Comparator.comparingDouble((MapPoint p) -> key.get(p))
            .thenComparingInt(p -> mix(p.id()))
            .thenComparing(MapPoint::id));
    return new CollectionMap(modelId, documents, method, ordered);
  }

  /** What {@link #view} returns: the points, and how many lie in the box in all. */
  public record View(int total, int inBox, List<MapPoint> points) {}

  /**
   * At most {@code limit} points inside {@code box}: a cluster-stratified sample when more lie
   * there, all of them otherwise.
   *
   * @throws IllegalArgumentException if {@code limit < 1}
   */
  public View view(BoundingBox box, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    List<MapPoint> out = new ArrayList<>(Math.min(limit, points.size()));
    int inBox = 0;
    for (MapPoint p : points) {
      if (box.contains(p.x(), p.y())) {
        inBox++;
        if (out.size() < limit) {
          out.add(p);
        }
      }
    }
    return new View(points.size(), inBox, out);
  }

  /** A well-mixed hash of an id: ids are hex hashes already, but synthetic ones are not. */
  private static int mix(String id) {
    int h = id.hashCode() * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
