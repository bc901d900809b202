package io.clipsearch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.model.Vectors;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Zero-shot naming with prompt ensembling, on a deterministic in-test text encoder. */
class NamingTest {

  /**
   * A prompt's embedding: the direction of its label (the prompt without the template's words),
   * plus a smaller direction of the whole prompt, so each template adds its own noise that the
   * ensemble averages out.
   */
  static final TextEncoder ENCODER =
      texts ->
          texts.stream()
              .map(
                  prompt -> {
                    String label = prompt;
                    for (String t : LabelVocabulary.DEFAULT_TEMPLATES) {
                      String prefix = t.substring(0, t.indexOf("{}"));
                      String suffix = t.substring(t.indexOf("{}") + 2);
                      if (label.startsWith(prefix) && label.endsWith(suffix)) {
                        label = label.substring(prefix.length(), label.length() - suffix.length());
                        break;
                      }
                    }
                    float[] core = direction(label);
                    float[] noise = direction(prompt);
                    float[] v = new float[core.length];
                    for (int d = 0; d < v.length; d++) {
                      v[d] = core[d] + 0.3f * noise[d];
                    }
                    return Vectors.normalize(v);
                  })
              .toList();

  static float[] direction(String text) {
    return PlantedClusters.gaussianUnit(new Random(text.hashCode()), 1.0, null);
  }

  @Test
  void namesAPlantedCentroidByItsLabel() {
    ZeroShotLabeler labeler = new ZeroShotLabeler(LabelVocabulary.defaults(), ENCODER);
    assertTrue(
        labeler.vocabulary().labels().size() >= 200,
        "bundled labels: " + labeler.vocabulary().labels().size());
    for (String planted : List.of("beach", "dog", "sunset", "pizza")) {
      List<LabelScore> top = labeler.top(direction(planted), 3);
      assertEquals(planted, top.getFirst().label(), top.toString());
      assertTrue(top.get(0).score() > top.get(1).score() + 0.3, top.toString());
    }
  }

  @Test
  void tagsKeepNearTiesWithinTheMargin() {
    ZeroShotLabeler labeler =
        new ZeroShotLabeler(
            new LabelVocabulary(
                List.of("beach", "sunset", "dog"), LabelVocabulary.DEFAULT_TEMPLATES),
            ENCODER);
    float[] both = Vectors.normalize(sum(direction("beach"), direction("sunset")));
    List<String> tags = labeler.tags(both, 3, 0.1);
    assertEquals(2, tags.size(), tags.toString());
    assertTrue(tags.containsAll(List.of("beach", "sunset")));
    assertEquals(List.of("dog"), labeler.tags(direction("dog"), 3, 0.1));
    assertThrows(IllegalArgumentException.class, () -> labeler.tags(both, 3, -1));
  }

  @Test
  void vocabularyIsValidated() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new LabelVocabulary(List.of("a", "a"), List.of("{}")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new LabelVocabulary(List.of("a"), List.of("no slot")));
    assertThrows(
        IllegalArgumentException.class, () -> new LabelVocabulary(List.of(), List.of("{}")));
  }

  private static float[] sum(float[] a, float[] b) {
    float[] s = new float[a.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = a[i] + b[i];
    }
    return s;
  }
}
