package io.clipsearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.model.image.ImageSource;
import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SigLIP and multilingual family fixtures ({@code clip-fixtures/families/}) embed image files
 * and texts like open_clip's {@code reference.json}, on every engine the folder has (ONNX only in
 * the fixtures). Texts go in as exact token ids, so their vectors must agree to rounding; images go
 * through our decoder and Pillow-exact resize, so they are held to the file-level bar.
 */
class FamilyModelParityTest {

  private static final double IMAGE_COSINE = 0.999;
  private static final double TEXT_COSINE = 0.99999;

  @ParameterizedTest
  @ValueSource(strings = {"tiny-siglip", "tiny-mclip"})
  void embeddingsMatchTheReference(String fixture) throws Exception {
    Path folder = SharedFixtures.clipFixture("families/" + fixture);
    ReferenceEmbeddings reference = ReferenceEmbeddings.read(folder.resolve("reference.json"));
    for (EngineKind engine : ModelFolder.open(folder).engines()) {
      try (ClipModel model = ClipModels.load(folder, LoadOptions.defaults().withEngine(engine))) {
        List<String> names = new ArrayList<>(reference.images().keySet());
        List<ImageSource> sources =
            names.stream()
                .map(n -> ImageSource.of(SharedFixtures.clipFixture("images/" + n)))
                .toList();
        List<float[]> images =
            model.embedImages(sources).stream()
                .map(e -> assertInstanceOf(ImageEmbedding.Embedded.class, e, e.name()).vector())
                .toList();
        List<String> texts = new ArrayList<>(reference.texts().keySet());
        List<float[]> textVectors = model.embedTexts(texts);
        Parity imageParity = Parity.of(names, images, reference.images());
        Parity textParity = Parity.of(texts, textVectors, reference.texts());
        System.out.printf(
            "parity %s %s images(%d): min cos %.7f max abs %.3e; texts(%d): min cos %.8f max abs %.3e%n",
            fixture,
            engine,
            names.size(),
            imageParity.minCosine,
            imageParity.maxAbs,
            texts.size(),
            textParity.minCosine,
            textParity.maxAbs);
        assertTrue(imageParity.minCosine >= IMAGE_COSINE, fixture + " images: " + imageParity);
        assertTrue(textParity.minCosine >= TEXT_COSINE, fixture + " texts: " + textParity);
      }
    }
  }

  /** The worst agreement over a set of vectors. */
  private record Parity(double minCosine, double maxAbs, String worst) {
    static Parity of(List<String> keys, List<float[]> actual, Map<String, float[]> expected) {
      assertEquals(keys.size(), actual.size());
      double minCos = 1;
      double maxAbs = 0;
      String worst = "";
      for (int i = 0; i < keys.size(); i++) {
        float[] want = expected.get(keys.get(i));
        double cos = ReferenceEmbeddings.cosine(actual.get(i), want);
        if (cos < minCos) {
          minCos = cos;
          worst = keys.get(i);
        }
        for (int d = 0; d < want.length; d++) {
          maxAbs = Math.max(maxAbs, Math.abs(actual.get(i)[d] - want[d]));
        }
      }
      return new Parity(minCos, maxAbs, worst);
    }
  }
}
