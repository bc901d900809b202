package io.clipsearch.cluster;

import io.clipsearch.bench.SyntheticVectors;

/**
 * Wall time of a full clustering fit (k chosen by {@link KSelector}, then {@link SphericalKMeans})
 * on synthetic 512-d unit vectors, for comparing implementations by hand; not a test.
 *
 * <p>Run: {@code java -cp <test classpath> io.clipsearch.cluster.ClusterTiming [vectors]} (default
 * 100,000).
 */
public final class ClusterTiming {

  private ClusterTiming() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    float[][] vectors = new SyntheticVectors(512, SyntheticVectors.clustersFor(n), 42).next(n);
    long t0 = System.nanoTime();
    KSelector.Choice choice = new KSelector(7).choose(vectors);
    long t1 = System.nanoTime();
    Partition p = new SphericalKMeans(7).fit(vectors, choice.k());
    long t2 = System.nanoTime();
    System.out.printf(
        "n=%d k=%d (silhouette %.3f): choose k %.1f s, fit %.1f s, clusters %d%n",
        n, choice.k(), choice.silhouette(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, p.k());
  }
}
