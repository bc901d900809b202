package io.clipsearch.cluster;

import java.util.Arrays;
import java.util.Objects;

/**
 * A clustering of {@code n} unit vectors: {@code k} unit centroids and each vector's cluster.
 * Immutable; arrays are copied in and out.
 *
 * @param centroids {@code k} L2-normalized centroids, all of one dimension
 * @param assignment the cluster (0..k-1) of each vector
 */
public record Partition(float[][] centroids, int[] assignment) {

  /**
   * @throws IllegalArgumentException if there are no centroids, or an assignment is out of range
   */
  public Partition {
    Objects.requireNonNull(centroids, "centroids");
    Objects.requireNonNull(assignment, "assignment");
    if (centroids.length == 0) {
      throw new IllegalArgumentException("a partition needs at least one centroid");
    }
    centroids = Arrays.stream(centroids).map(float[]::clone).toArray(float[][]::new);
    assignment = assignment.clone();
    for (int a : assignment) {
      if (a < 0 || a >= centroids.length) {
        throw new IllegalArgumentException(
            "assignment " + a + " is outside 0.." + (centroids.length - 1));
      }
    }
  }

  public int k() {
    return centroids.length;
  }

  @Override
  public float[][] centroids() {
    return Arrays.stream(centroids).map(float[]::clone).toArray(float[][]::new);
  }

  @Override
  public int[] assignment() {
    return assignment.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Partition p
        && Arrays.deepEquals(centroids, p.centroids)
        && Arrays.equals(assignment, p.assignment);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.deepHashCode(centroids) + Arrays.hashCode(assignment);
  }

  @Override
  public String toString() {
    return "Partition[k=" + centroids.length + ", n=" + assignment.length + "]";
  }
}
