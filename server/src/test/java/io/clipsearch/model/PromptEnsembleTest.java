package io.clipsearch.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptEnsembleTest {

  private static final PromptEnsemble TWO = new PromptEnsemble(List.of("a {}", "the {}"));

  /** Unit vectors per prompt, made up so that the expected means are easy to derive. */
  private static final Map<String, float[]> EMBEDDINGS =
      Map.of(
          "a cat", new float[] {1, 0, 0},
          "the cat", new float[] {0, 1, 0},
          "a dog", new float[] {0, 0, 1},
          "the dog", new float[] {0, 0, 1});

  @Test
  void promptsPutTheClassNameIntoEveryTemplate() {
    assertEquals(List.of("a cat", "the cat"), TWO.prompts("cat"));
  }

  @Test
  void aClassVectorIsTheRenormalizedMeanOfItsPrompts() {
    List<float[]> vectors =
        TWO.classVectors(
            List.of("cat", "dog"), texts -> texts.stream().map(EMBEDDINGS::get).toList());
    // cat: (1,0,0) and (0,1,0) average to (0.5,0.5,0), whose direction is (√½, √½, 0)
    assertArrayEquals(
        new float[] {(float) Math.sqrt(0.5), (float) Math.sqrt(0.5), 0}, vectors.get(0), 1e-7f);
    // dog: both prompts agree
    assertArrayEquals(new float[] {0, 0, 1}, vectors.get(1));
  }

  @Test
  void largeVocabulariesAreEmbeddedInBatches() {
    List<String> classes = new ArrayList<>();
    for (int i = 0; i < PromptEnsemble.BATCH; i++) {
      classes.add("c" + i);
    }
    List<Integer> calls = new ArrayList<>();
    List<float[]> vectors =
        TWO.classVectors(
            classes,
            texts -> {
              calls.add(texts.size());
              return texts.stream().map(t -> new float[] {1, 0}).toList();
            });
    assertEquals(List.of(PromptEnsemble.BATCH, PromptEnsemble.BATCH), calls);
    assertEquals(PromptEnsemble.BATCH, vectors.size());
  }

  @Test
  void promptsThatCancelOutAreRefused() {
    PromptEnsemble ensemble = new PromptEnsemble(List.of("{}", "not {}"));
    assertThrows(
        ZeroVectorException.class,
        () ->
            ensemble.classVectors(
                List.of("x"), texts -> List.of(new float[] {1, 0}, new float[] {-1, 0})));
  }

  @Test
  void badInputIsRefusedWithAClearMessage() {
    assertEquals(
        "no prompt templates",
        assertThrows(IllegalArgumentException.class, () -> new PromptEnsemble(List.of()))
            .getMessage());
    assertEquals(
        "template 'no slot' has no {} for the class name",
        assertThrows(IllegalArgumentException.class, () -> new PromptEnsemble(List.of("no slot")))
            .getMessage());
    assertEquals(
        "no classes",
        assertThrows(
                IllegalArgumentException.class, () -> TWO.classVectors(List.of(), t -> List.of()))
            .getMessage());
    assertEquals(
        "the text embedder returned 1 vectors for 2 prompts",
        assertThrows(
                IllegalStateException.class,
                () -> TWO.classVectors(List.of("x"), t -> List.of(new float[] {1})))
            .getMessage());
  }
}
