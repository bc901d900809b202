package io.clipsearch.cluster;

import io.clipsearch.model.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import smile.manifold.UMAP;
import smile.math.MathEx;
import smile.projection.PCA;

/**
 * Projects unit vectors to 2-D map coordinates in [0, 1] (each axis scaled to the range).
 *
 * <p>PCA (Smile) is fitted on a random sample of at most {@link #PCA_SAMPLE} vectors (the
 * covariance of 10k 512-d vectors is already exact to plotting precision) and projects all of them:
 * linear in n. UMAP (Smile, 15 neighbours) builds an exact kNN graph, quadratic in n, so {@link
 * Projection#AUTO} uses it only up to {@link #UMAP_LIMIT} images.
 *
 * <p>Smile's UMAP lays out only the largest connected component of the kNN graph; well separated
 * groups (the usual case for duplicates-heavy or synthetic data) would be dropped. So UMAP runs
 * again on what is left until fewer than {@link #UMAP_MIN} points remain, each component laid out
 * in its own box (side proportional to the square root of its size) by shelf packing; the last few
 * points go beside their most similar placed point. After {@link #MAX_UMAP_RUNS} runs (each
 * rebuilds a kNN graph) what is left shares one box laid out by PCA. Below {@code UMAP_MIN} points
 * in all, PCA is used.
 *
 * <p>Deterministic for a seed. Thread-safe (no state).
 */
public final class MapProjector {

  public static final int UMAP_LIMIT = 5_000;
  static final int UMAP_MIN = 50;
  static final int MAX_UMAP_RUNS = 8;
  static final int UMAP_NEIGHBOURS = 15;
  static final int PCA_SAMPLE = 10_000;
  static final double GAP = 0.05;

  private final long seed;

  public MapProjector(long seed) {
    this.seed = seed;
  }

  /**
   * The method {@code requested} resolves to for {@code n} vectors: {@code umap} or {@code pca}.
   */
  public static Projection resolve(Projection requested, int n) {
    if (requested == Projection.PCA || n < UMAP_MIN) {
      return Projection.PCA;
    }
    return requested == Projection.UMAP || n <= UMAP_LIMIT ? Projection.UMAP : Projection.PCA;
  }

  /**
   * @return {@code [n][2]} coordinates in [0, 1]
   */
  public float[][] project(float[][] vectors, Projection method) {
    int n = vectors.length;
    double[][] xy =
        switch (resolve(method, n)) {
          case UMAP -> umap(vectors);
          default -> pca(vectors);
        };
    return scale(xy);
  }

  private double[][] pca(float[][] vectors) {
    int n = vectors.length;
    double[][] out = new double[n][2];
    if (n < 3) {
      for (int i = 0; i < n; i++) {
        out[i] = new double[] {i, i};
      }
      return out;
    }
    double[][] data = UnitVectors.toDoubles(vectors);
    double[][] sample = data;
    if (n > PCA_SAMPLE) {
      Random random = new Random(seed);
      sample = new double[PCA_SAMPLE][];
      for (int i = 0; i < PCA_SAMPLE; i++) {
        sample[i] = data[random.nextInt(n)];
      }
    }
    PCA pca = PCA.fit(sample).setProjection(2);
    for (int i = 0; i < n; i++) {
      out[i] = pca.project(data[i]);
    }
    return out;
  }

  private double[][] umap(float[][] vectors) {
    int n = vectors.length;
    double[][] out = new double[n][];
    List<Integer> remaining = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      remaining.add(i);
    }
    List<int[]> components = new ArrayList<>();
    List<double[][]> layouts = new ArrayList<>();
    MathEx.setSeed(seed);
    while (remaining.size() >= UMAP_MIN && components.size() < MAX_UMAP_RUNS) {
      double[][] data = new double[remaining.size()][];
      for (int i = 0; i < data.length; i++) {
        data[i] = toDoubles(vectors[remaining.get(i)]);
      }
      UMAP umap = UMAP.of(data, UMAP_NEIGHBOURS);
      int[] members = Arrays.stream(umap.index).map(remaining::get).toArray();
      if (members.length == 0) {
        break;
      }
      components.add(members);
      layouts.add(umap.coordinates);
      boolean[] placed = new boolean[n];
      for (int m : members) {
        placed[m] = true;
      }
      remaining = remaining.stream().filter(i -> !placed[i]).toList();
    }
    if (components.isEmpty()) {
      return pca(vectors);
    }
    if (remaining.size() >= UMAP_MIN) {
      // many separate groups: the rest shares one box, laid out by PCA, rather than a UMAP run each
      float[][] rest = remaining.stream().map(i -> vectors[i]).toArray(float[][]::new);
      components.add(remaining.stream().mapToInt(Integer::intValue).toArray());
      layouts.add(pca(rest));
      remaining = List.of();
    }
    pack(components, layouts, out);
    List<Integer> placedIds = new ArrayList<>();
    for (int[] c : components) {
      for (int m : c) {
        placedIds.add(m);
      }
    }
    for (int i : remaining) {
      int best =
          placedIds.stream()
              .max(Comparator.comparingDouble(j -> Vectors.dot(vectors[i], vectors[j])))
              .orElseThrow();
      out[i] =
          new double[] {out[best][0] + 0.002 * ((i % 7) - 3), out[best][1] + 0.002 * ((i % 5) - 2)};
    }
    return out;
  }

  /** Lays components out in boxes of side sqrt(size / largest), rows left to right. */
  private static void pack(List<int[]> components, List<double[][]> layouts, double[][] out) {
    Integer[] order = new Integer[components.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt((Integer c) -> -components.get(c).length));
    double largest = components.get(order[0]).length;
    double area = 0;
    for (int[] c : components) {
      area += c.length / largest;
    }
    double rowWidth = Math.max(1, 1.5 * Math.sqrt(area));
    double x = 0;
    double y = 0;
    double rowHeight = 0;
    for (int c : order) {
      double side = Math.sqrt(components.get(c).length / largest);
      if (x > 0 && x + side > rowWidth) {
        x = 0;
        y += rowHeight + GAP;
        rowHeight = 0;
      }
      double[][] unit = scaleToUnit(layouts.get(c));
      int[] members = components.get(c);
      for (int i = 0; i < members.length; i++) {
        out[members[i]] = new double[] {x + side * unit[i][0], y + side * unit[i][1]};
      }
      x += side + GAP;
      rowHeight = Math.max(rowHeight, side);
    }
  }

  private static double[][] scaleToUnit(double[][] xy) {
    double[][] out = new double[xy.length][2];
    for (int axis = 0; axis < 2; axis++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[] p : xy) {
        min = Math.min(min, p[axis]);
        max = Math.max(max, p[axis]);
      }
      double range = max - min;
      for (int i = 0; i < xy.length; i++) {
        out[i][axis] = range > 0 ? (xy[i][axis] - min) / range : 0.5;
      }
    }
    return out;
  }

  private static float[][] scale(double[][] xy) {
    double[][] unit = scaleToUnit(xy);
    float[][] out = new float[unit.length][2];
    for (int i = 0; i < unit.length; i++) {
      out[i][0] = (float) Math.min(1, Math.max(0, unit[i][0]));
      out[i][1] = (float) Math.min(1, Math.max(0, unit[i][1]));
    }
    return out;
  }

  private static double[] toDoubles(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }
}
