package io.clipsearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Each family's label probabilities: CLIP's softmax, SigLIP's per-label sigmoid from its folder.
 */
class ScoringTest {

  @Test
  void siglipFolderScoresBySigmoidWithTheReferenceScaleAndBias() throws IOException {
    var folder = SharedFixtures.clipFixture("families/tiny-siglip");
    JsonNode reference = new ObjectMapper().readTree(folder.resolve("reference.json").toFile());
    Scoring scoring = ModelFolder.open(folder).config().scoring();
    assertEquals(Scoring.Kind.SIGMOID, scoring.kind());
    assertEquals(reference.get("logit_scale").asDouble(), scoring.logitScale(), 1e-6);
    assertEquals(reference.get("logit_bias").asDouble(), scoring.logitBias(), 1e-6);
    try (ClipModel model = ClipModels.load(folder)) {
      assertEquals(scoring, model.scoring());
    }
  }

  @Test
  void clipFoldersScoreBySoftmax() throws IOException {
    Scoring mclip =
        ModelFolder.open(SharedFixtures.clipFixture("families/tiny-mclip")).config().scoring();
    assertEquals(Scoring.clip(), mclip);
    assertEquals(Scoring.clip(), ModelFolder.open(SharedFixtures.tinyClip()).config().scoring());
  }

  @Test
  void sigmoidProbabilitiesAreIndependentPerLabel() {
    Scoring siglip = new Scoring(Scoring.Kind.SIGMOID, 10, -10);
    float[] p = siglip.probabilities(new float[] {1f, 1f, 0f});
    assertEquals(0.5f, p[0], 1e-6, "sigmoid(10 * 1 - 10)");
    assertEquals(0.5f, p[1], 1e-6, "a second equal label does not halve the first");
    assertEquals(1 / (1 + Math.exp(10)), p[2], 1e-9);
    float[] softmax = Scoring.softmax(10).probabilities(new float[] {1f, 1f, 0f});
    assertEquals(1.0, softmax[0] + softmax[1] + softmax[2], 1e-6);
    assertEquals(softmax[0], softmax[1]);
  }

  @Test
  void badScalesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Scoring.softmax(0));
    assertThrows(
        IllegalArgumentException.class, () -> new Scoring(Scoring.Kind.SIGMOID, 10, Double.NaN));
  }
}
