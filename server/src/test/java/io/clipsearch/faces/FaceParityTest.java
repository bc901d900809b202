package io.clipsearch.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java face pipeline against face-api's reference, on the held-out photos (never used to get
 * the Java side right) and, reported apart, on the tuning photos: every reference face found, no
 * other face above the score threshold, box IoU at least 0.95, landmarks within half a pixel,
 * descriptor cosine at least 0.999. Reads the committed nets in {@code models/faces} and the photos
 * in {@code ../shared} (skipped without the photos); its figures are in docs/BENCHMARKS.md.
 */
class FaceParityTest {

  private static FaceModels models;

  @BeforeAll
  static void load() throws Exception {
    models = FaceModels.load(Path.of("..", "models", "faces"), 2);
  }

  @AfterAll
  static void close() {
    models.close();
  }

  @Test
  void heldOutPhotosMatchTheReference() throws Exception {
    assertMatches("heldout");
  }

  /** The photos looked at while writing the Java side: a regression check, reported apart. */
  @Test
  void tuningPhotosMatchTheReference() throws Exception {
    assertMatches("tune");
  }

  private static void assertMatches(String split) throws Exception {
    FaceReference reference = FaceReference.load();
    FaceParity parity =
        FaceParity.measure(
            new FaceFinder(models, reference.minConfidence()), reference.split(split));
    System.out.println(split + " parity: " + parity.summary());
    parity.problems().forEach(p -> System.out.println("  " + p));

    assertTrue(parity.faces() > 0, "the photos have faces");
    assertEquals(0, parity.unmatched(), "reference faces not found");
    assertEquals(0, parity.extra(), "faces the reference does not have");
    assertTrue(parity.minIou() >= 0.95, "box IoU " + parity.minIou());
    assertTrue(parity.maxLandmarkPx() <= 0.5, "landmark error " + parity.maxLandmarkPx() + " px");
    assertTrue(parity.minCosine() >= 0.999, "descriptor cosine " + parity.minCosine());
  }
}
