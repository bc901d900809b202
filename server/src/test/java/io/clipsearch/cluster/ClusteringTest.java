package io.clipsearch.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.model.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Spherical k-means, the choice of k and the incremental policy, on planted clusters. */
class ClusteringTest {

  private static final ZeroShotLabeler LABELER =
      new ZeroShotLabeler(
          new LabelVocabulary(List.of("a", "b"), List.of("{}")), NamingTest.ENCODER);

  @Test
  void recoversPlantedClusters() {
    PlantedClusters data = new PlantedClusters(6, 600, 1);
    Partition p = new SphericalKMeans(42).fit(data.vectors, 6);
    assertEquals(6, p.k());
    // 6 well separated clusters: k-means++ and Lloyd find them exactly, or nearly
    assertTrue(PlantedClusters.purity(p.assignment(), data.labels, p.k()) >= 0.95);
    for (float[] c : p.centroids()) {
      assertEquals(1.0, Math.sqrt(Vectors.dot(c, c)), 1e-5);
    }
    assertEquals(p, new SphericalKMeans(42).fit(data.vectors, 6), "same seed, same result");
  }

  @Test
  void aboveTheSampleSizeCentroidsComeFromASampleAndEveryVectorIsAssigned() {
    int n = SphericalKMeans.FIT_SAMPLE + 5_000;
    PlantedClusters data = new PlantedClusters(8, n, 5);
    Partition p = new SphericalKMeans(42).fit(data.vectors, 8);
    assertEquals(8, p.k());
    assertEquals(n, p.assignment().length);
    assertTrue(PlantedClusters.purity(p.assignment(), data.labels, p.k()) >= 0.95);
    assertEquals(
        p, new SphericalKMeans(42).fit(data.vectors, 8), "same seed, same sample, same result");
  }

  @Test
  void choosesThePlantedKBySilhouette() {
    // rule of thumb sqrt(600/2) = 17; candidates 4, 6, 9, 14, 17, 21, 32; the silhouette picks 6
    assertEquals(List.of(4, 6, 9, 14, 17, 21, 32), KSelector.candidates(600, 600));
    KSelector.Choice choice = new KSelector(42).choose(new PlantedClusters(6, 600, 2).vectors);
    assertEquals(6, choice.k());
    assertTrue(choice.silhouette() > 0.5, "silhouette " + choice.silhouette());
  }

  @Test
  void tinyCollectionsGetOneClusterPerImage() {
    assertEquals(2, new KSelector(1).choose(new PlantedClusters(2, 2, 3).vectors).k());
    assertThrows(
        IllegalArgumentException.class,
        () -> new SphericalKMeans(1).fit(new float[3][PlantedClusters.DIM], 4));
  }

  @Test
  void addingImagesOfKnownSubjectsAssignsWithoutRefitting() {
    PlantedClusters data = new PlantedClusters(5, 500, 4);
    ClusterUpdater updater = new ClusterUpdater(LABELER, ClusterSettings.DEFAULTS);
    ClusterState first = updater.update(snapshot(data.vectors, 0), Optional.empty(), 0, false);
    assertEquals(5, first.k());
    assertEquals(500, first.fittedImages());

    PlantedClusters more =
        new PlantedClusters(5, 540, 4); // same centres (same seed), 40 more members
    ClusterState second = updater.update(snapshot(more.vectors, 0), Optional.of(first), 0, false);
    assertEquals(500, second.fittedImages(), "not re-fitted");
    assertArrayEquals(first.centroids()[0], second.centroids()[0]);
    assertEquals(540, second.assignments().size());
    assertEquals(540, second.clusters().stream().mapToInt(ClusterSummary::size).sum());
  }

  @Test
  void aNewSubjectOrTooManyChangesRefit() {
    PlantedClusters data = new PlantedClusters(5, 500, 5);
    ClusterUpdater updater = new ClusterUpdater(LABELER, ClusterSettings.DEFAULTS);
    ClusterState first = updater.update(snapshot(data.vectors, 0), Optional.empty(), 5, false);

    // 60 images (12% < 20%) of a sixth subject: few, but they fit no centroid (drift)
    PlantedClusters other = new PlantedClusters(1, 60, 99);
    float[][] grown = concat(data.vectors, other.vectors);
    ClusterState drifted = updater.update(snapshot(grown, 0), Optional.of(first), 5, false);
    assertEquals(560, drifted.fittedImages(), "drift re-fits");

    // 30% more images of known subjects: over the size threshold
    PlantedClusters bigger = new PlantedClusters(5, 650, 5);
    ClusterState refit = updater.update(snapshot(bigger.vectors, 0), Optional.of(first), 5, false);
    assertEquals(650, refit.fittedImages());

    // another model: recomputed
    ClusterState other2 =
        updater.update(
            new CollectionSnapshot("other-model", 500, images(500, 0), data.vectors),
            Optional.of(first),
            5,
            false);
    assertNotEquals(first.modelId(), other2.modelId());
  }

  static CollectionSnapshot snapshot(float[][] vectors, int firstId) {
    return new CollectionSnapshot(
        "test-model", vectors.length, images(vectors.length, firstId), vectors);
  }

  static List<IndexedImage> images(int n, int firstId) {
    List<IndexedImage> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          new IndexedImage(
              "id" + (firstId + i), "/p/" + (firstId + i) + ".jpg", 100, 100, 1000, i));
    }
    return out;
  }

  private static float[][] concat(float[][] a, float[][] b) {
    float[][] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
