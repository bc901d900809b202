package io.clipsearch.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ClassVectorCache} with the tiny-clip fixture model's text tower. */
class ClassVectorCacheTest {

  static final PromptEnsemble ENSEMBLE = new PromptEnsemble(List.of("a photo of {}", "{}"));
  static final List<String> LABELS = List.of("dog", "cat", "a red car");

  static ClipModel model;

  @TempDir Path dir;

  /** The model's text tower, counting the prompts it embeds. */
  final List<String> embedded = new ArrayList<>();

  final Function<List<String>, List<float[]>> counting =
      texts -> {
        embedded.addAll(texts);
        return model.embedTexts(texts);
      };

  @BeforeAll
  static void load() throws Exception {
    model = ClipModels.load(SharedFixtures.tinyClip());
  }

  @AfterAll
  static void close() throws Exception {
    model.close();
  }

  @Test
  void computesOnceThenReadsTheSameBits() {
    ClassVectorCache cache = new ClassVectorCache(dir.resolve("cache"));
    List<float[]> first = cache.classVectors(model.info(), ENSEMBLE, LABELS, counting);
    assertEquals(6, embedded.size());
    List<float[]> again =
        new ClassVectorCache(dir.resolve("cache"))
            .classVectors(model.info(), ENSEMBLE, LABELS, counting);
    assertEquals(6, embedded.size(), "read from the cache, nothing embedded");
    assertEquals(3, again.size());
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(first.get(i), again.get(i), 0f);
    }
    List<float[]> direct = ENSEMBLE.classVectors(LABELS, model::embedTexts);
    assertArrayEquals(direct.get(2), again.get(2), 0f);
  }

  @Test
  void anyChangeOfModelEngineTemplatesOrLabelsIsAnotherFile() {
    ClassVectorCache cache = new ClassVectorCache(dir);
    ModelInfo info = model.info();
    Path file = cache.file(info, ENSEMBLE, LABELS);
    ModelInfo otherEngine =
        new ModelInfo(
            info.id(),
            info.name(),
            info.dimension(),
            info.imageSize(),
            info.contextLength(),
            info.engine() == EngineKind.ONNX ? EngineKind.PYTORCH : EngineKind.ONNX,
            info.imageBatch(),
            info.imageBatchFixed(),
            info.imageInput(),
            info.textInput(),
            info.calibration());
    ModelInfo otherWeights =
        new ModelInfo(
            info.id() + "x",
            info.name(),
            info.dimension(),
            info.imageSize(),
            info.contextLength(),
            info.engine(),
            info.imageBatch(),
            info.imageBatchFixed(),
            info.imageInput(),
            info.textInput(),
            info.calibration());
    assertNotEquals(file, cache.file(otherEngine, ENSEMBLE, LABELS));
    assertNotEquals(file, cache.file(otherWeights, ENSEMBLE, LABELS));
    assertNotEquals(file, cache.file(info, new PromptEnsemble(List.of("{}")), LABELS));
    assertNotEquals(file, cache.file(info, ENSEMBLE, List.of("dog", "cat")));
    // the parts are length-prefixed: moving a word between neighbours changes the key
    assertNotEquals(
        cache.file(info, ENSEMBLE, List.of("a b", "c")),
        cache.file(info, ENSEMBLE, List.of("a", "b c")));
    assertEquals(file, new ClassVectorCache(dir).file(info, ENSEMBLE, LABELS));
  }

  @Test
  void aTruncatedFileIsComputedAgainAndReplaced() throws Exception {
    ClassVectorCache cache = new ClassVectorCache(dir);
    List<float[]> first = cache.classVectors(model.info(), ENSEMBLE, LABELS, counting);
    Path file = cache.file(model.info(), ENSEMBLE, LABELS);
    long size = Files.size(file);
    assertEquals(12 + 3L * model.dimension() * 4, size); // header, then 3 vectors of floats
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
    List<float[]> again = cache.classVectors(model.info(), ENSEMBLE, LABELS, counting);
    assertEquals(12, embedded.size(), "computed again");
    assertArrayEquals(first.get(0), again.get(0), 0f);
    assertEquals(size, Files.size(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file left");
    }
  }

  @Test
  void aFolderThatCannotBeWrittenStillGivesTheVectors() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("file"), "x");
    List<float[]> vectors =
        new ClassVectorCache(notAFolder.resolve("cache"))
            .classVectors(model.info(), ENSEMBLE, LABELS, counting);
    assertEquals(3, vectors.size());
    assertTrue(Files.isRegularFile(notAFolder));
  }

  @Test
  void aNewDataFolderReadsTheVectorsKeptBesideTheModel() throws Exception {
    Path beside = dir.resolve("model/.cache/class-vectors");
    List<float[]> first =
        new ClassVectorCache(dir.resolve("data1"))
            .alsoIn(Optional.of(beside))
            .classVectors(model.info(), ENSEMBLE, LABELS, counting);
    assertEquals(6, embedded.size());
    ClassVectorCache second =
        new ClassVectorCache(dir.resolve("data2")).alsoIn(Optional.of(beside));
    List<float[]> again = second.classVectors(model.info(), ENSEMBLE, LABELS, counting);
    assertEquals(6, embedded.size(), "read beside the model, nothing embedded");
    assertArrayEquals(first.get(1), again.get(1), 0f);
    assertTrue(
        Files.isRegularFile(second.file(model.info(), ENSEMBLE, LABELS)),
        "copied into the new data folder too");
  }

  @Test
  void aReadOnlyModelFolderLeavesTheVectorsInTheDataFolder() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("model"), "x");
    ClassVectorCache cache =
        new ClassVectorCache(dir.resolve("data")).alsoIn(Optional.of(notAFolder.resolve(".cache")));
    cache.classVectors(model.info(), ENSEMBLE, LABELS, counting);
    assertTrue(Files.isRegularFile(cache.file(model.info(), ENSEMBLE, LABELS)));
    cache.classVectors(model.info(), ENSEMBLE, LABELS, counting);
    assertEquals(6, embedded.size(), "computed once");
  }
}
