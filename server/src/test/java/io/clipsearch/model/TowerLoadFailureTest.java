package io.clipsearch.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two towers load side by side: whichever fails, loading fails with an error that names that
 * tower's file, and nothing is left running (a later load of the intact model works).
 */
class TowerLoadFailureTest {

  @TempDir Path dir;

  @Test
  void aCorruptTextTowerIsNamedEvenThoughTheImageTowerLoaded() throws IOException {
    Path model = copyOfTinyClip();
    Files.writeString(model.resolve("textual/model.onnx"), "not a graph");
    assertLoadFailsNaming(model, "textual/model.onnx");
  }

  @Test
  void aCorruptImageTowerIsNamedWhileTheTextTowerLoadsBesideIt() throws IOException {
    Path model = copyOfTinyClip();
    Files.writeString(model.resolve("visual/model.onnx"), "not a graph");
    assertLoadFailsNaming(model, "visual/model.onnx");
  }

  @Test
  void aMissingTokenizerFailsTheLoad() throws IOException {
    Path model = copyOfTinyClip();
    for (String file : new String[] {"tokenizer.json", "vocab.json", "merges.txt"}) {
      Files.delete(model.resolve("textual").resolve(file));
    }
    Exception e =
        assertThrows(
            Exception.class,
            () -> ClipModels.load(model, LoadOptions.defaults().withEngine(EngineKind.ONNX)));
    assertTrue(e.getMessage().contains("textual"), e.getMessage());
    try (ClipModel intact = ClipModels.load(SharedFixtures.tinyClip())) {
      assertTrue(intact.embedText("a cat").length > 0);
    }
  }

  private static void assertLoadFailsNaming(Path model, String file) {
    EmbeddingException e =
        assertThrows(
            EmbeddingException.class,
            () -> ClipModels.load(model, LoadOptions.defaults().withEngine(EngineKind.ONNX)));
    assertTrue(e.getMessage().contains(model.resolve(file).toString()), e.getMessage());
  }

  private Path copyOfTinyClip() throws IOException {
    Path source = SharedFixtures.tinyClip();
    Path target = dir.resolve("tiny-clip");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else if (!file.getFileName().toString().contains("any-length")) {
          Files.copy(file, to);
        }
      }
    }
    return target;
  }
}
