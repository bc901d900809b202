package io.clipsearch.cluster;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A collection's clustering, as persisted in {@code <collection>/clusters/clusters.json}.
 *
 * <p>{@code modelId} and {@code documents} say what it was computed from: a state whose model is
 * not the index's is recomputed, one whose document count differs is brought up to date ({@link
 * ClusterUpdater}). Immutable; the centroids are copied in and out.
 *
 * @param modelId the model of the vectors clustered
 * @param documents live documents in the index when this was computed
 * @param fittedImages images the centroids were last fitted on (the incremental policy's base)
 * @param requestedK the k asked for, or 0 when it was chosen automatically
 * @param silhouette the sample silhouette of the chosen k, or null when k was given
 * @param cohesion mean cosine of the fitted images to their centroid (the drift baseline)
 * @param centroids unit centroids, indexed by cluster number
 * @param assignments image id → cluster number
 * @param clusters summaries of the non-empty clusters, largest first
 */
public record ClusterState(
    String modelId,
    long documents,
    int fittedImages,
    int requestedK,
    Double silhouette,
    double cohesion,
    float[][] centroids,
    Map<String, Integer> assignments,
    List<ClusterSummary> clusters) {

  /**
   * @throws IllegalArgumentException if counts are negative or an assignment names no centroid
   */
  public ClusterState {
    Objects.requireNonNull(modelId, "modelId");
    if (documents < 0 || fittedImages < 0 || requestedK < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
    centroids = Arrays.stream(centroids).map(float[]::clone).toArray(float[][]::new);
    assignments = Map.copyOf(assignments);
    int k = centroids.length;
    if (assignments.values().stream().anyMatch(c -> c < 0 || c >= k)) {
      throw new IllegalArgumentException("an assignment is outside 0.." + (k - 1));
    }
    clusters = List.copyOf(clusters);
  }

  @Override
  public float[][] centroids() {
    return Arrays.stream(centroids).map(float[]::clone).toArray(float[][]::new);
  }

  /** Non-empty clusters. */
  public int k() {
    return clusters.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClusterState s
        && modelId.equals(s.modelId)
        && documents == s.documents
        && fittedImages == s.fittedImages
        && requestedK == s.requestedK
        && Objects.equals(silhouette, s.silhouette)
        && cohesion == s.cohesion
        && Arrays.deepEquals(centroids, s.centroids)
        && assignments.equals(s.assignments)
        && clusters.equals(s.clusters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(modelId, documents, fittedImages, requestedK, assignments) * 31
        + Arrays.deepHashCode(centroids);
  }

  @Override
  public String toString() {
    return "ClusterState[" + modelId + ", " + documents + " documents, k=" + centroids.length + "]";
  }
}
