package io.clipsearch.cluster;

import java.util.List;

/**
 * One cluster as people see it.
 *
 * @param cluster the cluster's number in its {@link ClusterState}
 * @param size member images
 * @param labels best vocabulary labels of the centroid, best first
 * @param representatives members nearest the centroid, nearest first
 */
public record ClusterSummary(
    int cluster, int size, List<LabelScore> labels, List<IndexedImage> representatives) {

  /**
   * @throws IllegalArgumentException if {@code cluster} or {@code size} is negative
   */
  public ClusterSummary {
    if (cluster < 0 || size < 0) {
      throw new IllegalArgumentException(
          "cluster and size must be >= 0, got " + cluster + ", " + size);
    }
    labels = List.copyOf(labels);
    representatives = List.copyOf(representatives);
  }
}
