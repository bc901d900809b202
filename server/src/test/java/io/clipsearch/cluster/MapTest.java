package io.clipsearch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Projection to the map and its level-of-detail views. */
class MapTest {

  @Test
  void pcaPlacesEveryPointInTheUnitSquare() {
    float[][] xy =
        new MapProjector(1).project(new PlantedClusters(4, 400, 1).vectors, Projection.PCA);
    assertEquals(400, xy.length);
    assertBounded(xy);
  }

  @Test
  void umapPlacesEveryPointEvenWhenTheKnnGraphIsDisconnected() {
    // three far-apart clusters: the kNN graph has three components, Smile's UMAP lays out one per
    // run
    PlantedClusters data = new PlantedClusters(3, 240, 2);
    float[][] xy = new MapProjector(1).project(data.vectors, Projection.UMAP);
    assertEquals(240, xy.length);
    assertBounded(xy);
    // members of one cluster sit closer to each other than to the other clusters' members
    double within = meanDistance(xy, data.labels, true);
    double between = meanDistance(xy, data.labels, false);
    assertTrue(within * 2 < between, within + " vs " + between);
  }

  @Test
  void autoChoosesUmapForSmallAndPcaForLargeCollections() {
    assertEquals(Projection.UMAP, MapProjector.resolve(Projection.AUTO, 1000));
    assertEquals(
        Projection.PCA, MapProjector.resolve(Projection.AUTO, MapProjector.UMAP_LIMIT + 1));
    assertEquals(
        Projection.PCA, MapProjector.resolve(Projection.UMAP, 10), "too few points for UMAP");
    assertEquals(Projection.PCA, MapProjector.resolve(Projection.PCA, 1000));
  }

  @Test
  void viewsRespectLimitAndBoxAndSampleEveryCluster() {
    List<MapPoint> points = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      // cluster 0: 900 points on the left half, cluster 1: 90 on the right, cluster 2: 10
      int cluster = i < 900 ? 0 : i < 990 ? 1 : 2;
      float x = cluster == 0 ? (i % 30) / 60f : 0.5f + (i % 10) / 20f;
      points.add(new MapPoint("p" + i, x, (i % 100) / 100f, cluster));
    }
    CollectionMap map = CollectionMap.of("m", 1000, "pca", points);

    CollectionMap.View overview = map.view(BoundingBox.ALL, 100);
    assertEquals(1000, overview.total());
    assertEquals(1000, overview.inBox());
    assertEquals(100, overview.points().size());
    long small = overview.points().stream().filter(p -> p.cluster() == 2).count();
    long big = overview.points().stream().filter(p -> p.cluster() == 0).count();
    assertTrue(small >= 1 && big >= 85, "stratified: " + small + " / " + big);

    BoundingBox right = new BoundingBox(0.5, 0, 1, 1);
    CollectionMap.View zoomed = map.view(right, 5000);
    assertEquals(100, zoomed.inBox());
    assertEquals(100, zoomed.points().size(), "all points of a small box");
    assertTrue(zoomed.points().stream().allMatch(p -> right.contains(p.x(), p.y())));
    Set<String> ids = new HashSet<>();
    zoomed.points().forEach(p -> ids.add(p.id()));
    assertEquals(100, ids.size());

    assertThrows(IllegalArgumentException.class, () -> map.view(BoundingBox.ALL, 0));
    assertThrows(IllegalArgumentException.class, () -> BoundingBox.parse("1,2,3"));
    assertThrows(IllegalArgumentException.class, () -> BoundingBox.parse("0.5,0,0.1,1"));
  }

  private static void assertBounded(float[][] xy) {
    for (float[] p : xy) {
      assertTrue(p[0] >= 0 && p[0] <= 1 && p[1] >= 0 && p[1] <= 1, p[0] + "," + p[1]);
    }
  }

  private static double meanDistance(float[][] xy, int[] labels, boolean same) {
    double sum = 0;
    int count = 0;
    for (int i = 0; i < xy.length; i++) {
      for (int j = i + 1; j < xy.length; j++) {
        if ((labels[i] == labels[j]) == same) {
          sum += Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]);
          count++;
        }
      }
    }
    return sum / count;
  }
}
