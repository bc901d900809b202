package io.clipsearch.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Metric math on hand-made unit vectors, expected values derived in comments. */
class LabMetricsTest {

  private static final float[] X = {1, 0, 0};
  private static final float[] Y = {0, 1, 0};
  private static final float[] Z = {0, 0, 1};

  @Test
  void topOneTopFiveAndConfusion() {
    // 3 classes (cols), 4 images; truth 0,0,1,2
    float[][] s = {
      {0.9f, 0.1f, 0.0f}, // true 0, predicted 0
      {0.2f, 0.8f, 0.1f}, // true 0, predicted 1 (rank 2)
      {0.1f, 0.7f, 0.3f}, // true 1, predicted 1
      {0.5f, 0.4f, 0.3f}, // true 2, predicted 0 (rank 3)
    };
    ClassificationMetrics m =
        ClassificationMetrics.of(
            new SimilarityMatrix(List.of("a", "b", "c", "d"), List.of("cat", "dog", "car"), s),
            new int[] {0, 0, 1, 2});
    assertEquals(0.5, m.top1()); // images a and c
    assertEquals(1.0, m.top5()); // fewer than 5 classes: every true class is within 5
    assertEquals(List.of(List.of(1, 1, 0), List.of(0, 1, 0), List.of(1, 0, 0)), m.confusion());
    assertEquals(0.5, m.perClass().get(0).accuracy());
    assertEquals(1.0, m.perClass().get(1).accuracy());
    assertEquals(0.0, m.perClass().get(2).accuracy());
    assertEquals("car", m.perClass().get(2).name());
  }

  @Test
  void topFiveCountsRanksUpToFive() {
    // 7 classes; the true class (0) scores 6th-highest for image a and 5th for image b
    float[][] s = {
      {0.1f, 0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.0f}, {0.55f, 0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.0f}
    };
    List<String> classes = List.of("0", "1", "2", "3", "4", "5", "6");
    ClassificationMetrics m =
        ClassificationMetrics.of(
            new SimilarityMatrix(List.of("a", "b"), classes, s), new int[] {0, 0});
    assertEquals(0.0, m.top1());
    assertEquals(0.5, m.top5());
  }

  @Test
  void recallAndMedianRankOnAConstructedCase() {
    // 3 images, 2 captions each: caption c belongs to image c / 2.
    float[][] s = {
      // c0    c1    c2    c3    c4    c5
      {0.9f, 0.1f, 0.5f, 0.0f, 0.0f, 0.0f}, // image 0
      {0.8f, 0.2f, 0.4f, 0.3f, 0.1f, 0.0f}, // image 1
      {0.0f, 0.3f, 0.6f, 0.0f, 0.7f, 0.2f}, // image 2
    };
    SimilarityMatrix m =
        new SimilarityMatrix(
            List.of("i0", "i1", "i2"), List.of("c0", "c1", "c2", "c3", "c4", "c5"), s);
    RetrievalMetrics r = RetrievalMetrics.of(m, new int[] {0, 0, 1, 1, 2, 2});
    // text→image ranks (column c, rank of its image): c0 → i0 top (1); c1 → i0 0.1 < 0.2, 0.3 (3);
    // c2 → i1 0.4 < 0.6, 0.5 (3); c3 → i1 top (1); c4 → i2 top (1); c5 → i2 top (1)
    assertEquals(6, r.textToImage().queries());
    assertEquals(4 / 6.0, r.textToImage().r1(), 1e-12);
    assertEquals(1.0, r.textToImage().r5());
    assertEquals(1.0, r.textToImage().medianRank()); // sorted 1,1,1,1,3,3 → (1+1)/2
    assertEquals(10 / 6.0, r.textToImage().meanRank(), 1e-12);
    // image→text (best rank of own captions in the row): i0 → c0 rank 1; i1 → c2 0.4 below c0 0.8
    // (2);
    // i2 → c4 rank 1
    assertEquals(3, r.imageToText().queries());
    assertEquals(2 / 3.0, r.imageToText().r1(), 1e-12);
    assertEquals(1.0, r.imageToText().medianRank());
    assertEquals(4 / 3.0, r.imageToText().meanRank(), 1e-12);
  }

  @Test
  void recallAtTenAndEvenMedian() {
    RecallAtK r = RecallAtK.fromRanks(new int[] {1, 4, 7, 12});
    assertEquals(0.25, r.r1());
    assertEquals(0.5, r.r5());
    assertEquals(0.75, r.r10());
    assertEquals(5.5, r.medianRank());
    assertThrows(IllegalArgumentException.class, () -> RecallAtK.fromRanks(new int[] {0}));
    assertThrows(IllegalArgumentException.class, () -> RecallAtK.fromRanks(new int[0]));
  }

  @Test
  void anImageWithoutCaptionsIsRefused() {
    SimilarityMatrix m =
        new SimilarityMatrix(List.of("i0", "i1"), List.of("c0"), new float[][] {{1}, {0}});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.of(m, new int[] {0}));
    assertEquals("image i1 has no caption", e.getMessage());
  }

  @Test
  void modalityGapOfOrthogonalClusters() {
    // images X and Y: centroid (0.5, 0.5, 0); texts Z twice: centroid (0, 0, 1)
    ModalityGap g = ModalityGap.of(List.of(X, Y), List.of(Z, Z));
    assertEquals(Math.sqrt(0.25 + 0.25 + 1), g.centroidDistance(), 1e-9);
    assertEquals(
        Math.sqrt(0.5), g.imageSpread(), 1e-9); // each is (±0.5, ∓0.5, 0) from the centroid
    assertEquals(0.0, g.textSpread(), 1e-9);
    assertEquals(0.0, g.centroidCosine(), 1e-9);
    assertEquals(0.0, g.meanCosine(), 1e-9);
    ModalityGap same = ModalityGap.of(List.of(X), List.of(X));
    assertEquals(0.0, same.centroidDistance(), 1e-9);
    assertEquals(1.0, same.meanCosine(), 1e-9);
  }

  @Test
  void softmaxUsesTheLogitScale() {
    SimilarityMatrix m =
        SimilarityMatrix.of(List.of("x"), List.of(X), List.of("x", "y"), List.of(X, Y));
    assertArrayEquals(new float[] {1, 0}, m.cosine()[0]);
    float[] p = m.rowProbabilities(1)[0];
    // e^1 / (e^1 + e^0)
    assertEquals(Math.E / (Math.E + 1), p[0], 1e-6);
    float[] sharp = m.rowProbabilities(100)[0];
    assertEquals(1.0, sharp[0], 1e-6);
    assertThrows(IllegalArgumentException.class, () -> m.rowProbabilities(0));
  }

  @Test
  void builtInTemplates() {
    assertEquals(80, PromptTemplates.OPENAI_IMAGENET.templates().size());
    assertEquals(80, PromptTemplates.OPENAI_IMAGENET.templates().stream().distinct().count());
    assertEquals(List.of("a photo of a tench."), PromptTemplates.SINGLE.prompts("tench"));
    assertThrows(
        IllegalArgumentException.class, () -> new PromptTemplates("bad", List.of("no slot")));
  }

  @Test
  void shapeMismatchesAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SimilarityMatrix(List.of("a"), List.of("x", "y"), new float[][] {{1}}));
    assertThrows(
        IllegalArgumentException.class,
        () -> SimilarityMatrix.of(List.of("a"), List.of(new float[2]), List.of("x"), List.of(X)));
  }
}
