package io.clipsearch.cluster;

/**
 * Knobs of clustering and its incremental updates. Immutable.
 *
 * @param seed random seed: same data and seed, same clusters
 * @param refitFraction re-fit when images added plus removed since the last fit exceed this
 *     fraction of the images fitted
 * @param driftTolerance re-fit when the new images' mean cosine to their centroid falls this far
 *     below the fit's cohesion (they do not belong to any existing cluster)
 * @param labelsPerCluster labels shown per cluster
 * @param representatives images shown per cluster
 */
public record ClusterSettings(
    long seed,
    double refitFraction,
    double driftTolerance,
    int labelsPerCluster,
    int representatives) {

  public static final ClusterSettings DEFAULTS = new ClusterSettings(42, 0.2, 0.05, 3, 4);

  /**
   * @throws IllegalArgumentException if a fraction or tolerance is out of (0, 1], or a count < 1
   */
  public ClusterSettings {
    if (!(refitFraction > 0 && refitFraction <= 1)
        || !(driftTolerance > 0 && driftTolerance <= 1)) {
      throw new IllegalArgumentException(
          "refitFraction and driftTolerance must be in (0, 1], got "
              + refitFraction
              + ", "
              + driftTolerance);
    }
    if (labelsPerCluster < 1 || representatives < 1) {
      throw new IllegalArgumentException("labelsPerCluster and representatives must be >= 1");
    }
  }
}
