package io.clipsearch.cluster;

import java.util.Locale;

/** How the map is laid out. */
public enum Projection {
  /** UMAP up to {@link MapProjector#UMAP_LIMIT} images, PCA beyond. */
  AUTO,
  /** UMAP: neighbourhoods preserved, slow (exact kNN graph, O(n²)). */
  UMAP,
  /** PCA: the two directions of most variance; fast, clusters overlap more. */
  PCA;

  /**
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Projection parse(String s) {
    try {
      return valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("projection must be auto, umap or pca, got '" + s + "'");
    }
  }
}
