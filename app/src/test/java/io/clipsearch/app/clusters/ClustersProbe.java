package io.clipsearch.app.clusters;

/**
 * What the window-level UI tests outside this package read of the clusters view-model: the map's
 * level of detail and the viewport its points were fetched for. Reads only; call on the EDT.
 */
public final class ClustersProbe {

  private ClustersProbe() {}

  /** How many points {@code clusters} asks for at the map's size. */
  public static int limit(ClustersViewModel clusters) {
    return clusters.limit();
  }

  /** The viewport {@code clusters}' current points were fetched for; null before the first. */
  public static MapViewport mapBox(ClustersViewModel clusters) {
    return clusters.mapBox();
  }
}
