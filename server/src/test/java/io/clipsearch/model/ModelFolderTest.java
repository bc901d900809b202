package io.clipsearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a model folder: values come from its files, and what is wrong is named. */
class ModelFolderTest {

  @Test
  void readsDimensionsFromTheFiles() throws IOException {
    ModelFolder folder = ModelFolder.open(SharedFixtures.tinyClip());

    assertEquals(new ClipConfig(32, 224, 77, 49408), folder.config());
    assertEquals(224, folder.preprocess().size());
    assertEquals(Set.of(EngineKind.ONNX, EngineKind.PYTORCH), folder.engines());
    assertEquals(EngineKind.ONNX, folder.defaultEngine());
    assertEquals("tiny-clip", folder.name());
  }

  @Test
  void theTimingModelConfigIsFullSize() throws IOException {
    assertEquals(
        new ClipConfig(512, 224, 77, 49408),
        ClipConfig.read(SharedFixtures.clipFixture("vit-b-32-timing/config.json")));
  }

  @Test
  void aFolderOfCompressedModelsIsNotLoadable() {
    // the timing fixture ships model.onnx.xz: unpacked by scripts/unpack-timing-model first
    Path timing = SharedFixtures.clipFixture("vit-b-32-timing");
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ModelFolder.open(timing));
    assertTrue(e.getMessage().contains("no model files"), e.getMessage());
  }

  @Test
  void aMissingConfigIsNamed(@TempDir Path dir) {
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ModelFolder.open(dir));
    assertEquals(dir.resolve("config.json").toString(), e.getFile());
  }

  @Test
  void aFolderWithoutModelFilesIsRefused(@TempDir Path dir) throws IOException {
    copyConfigs(SharedFixtures.tinyClip(), dir);

    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ModelFolder.open(dir));
    assertTrue(e.getMessage().contains("no model files"), e.getMessage());
  }

  @Test
  void configAndPreprocessingMustAgree(@TempDir Path dir) throws IOException {
    copyConfigs(SharedFixtures.tinyClip(), dir);
    Path config = dir.resolve("config.json");
    Files.writeString(
        config, Files.readString(config).replace("\"image_size\": 224", "\"image_size\": 256"));

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ModelFolder.open(dir));
    assertTrue(e.getMessage().contains("differs from config.json image_size 256"), e.getMessage());
  }

  @Test
  void theIdChangesWithTheFilesNotWithTheLocation(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a/tiny-clip");
    Path b = dir.resolve("b/tiny-clip");
    for (Path p : new Path[] {a, b}) {
      copyConfigs(SharedFixtures.tinyClip(), p);
      for (String tower : new String[] {"visual", "textual"}) {
        Files.copy(
            SharedFixtures.tinyClip().resolve(tower).resolve("model.onnx"),
            p.resolve(tower).resolve("model.onnx"));
      }
      Files.copy(
          SharedFixtures.tinyClip().resolve("textual/vocab.json"), p.resolve("textual/vocab.json"));
      Files.copy(
          SharedFixtures.tinyClip().resolve("textual/merges.txt"), p.resolve("textual/merges.txt"));
    }
    assertEquals(ModelFolder.open(a).id(), ModelFolder.open(b).id());

    Path config = b.resolve("config.json");
    Files.writeString(
        config, Files.readString(config).replace("\"layers\": 2,", "\"layers\": 2 ,"));
    assertNotEquals(ModelFolder.open(a).id(), ModelFolder.open(b).id());
  }

  @Test
  void askingForAnAbsentEngineSaysWhichArePresent(@TempDir Path dir) throws IOException {
    copyConfigs(SharedFixtures.tinyClip(), dir);
    for (String tower : new String[] {"visual", "textual"}) {
      Files.copy(
          SharedFixtures.tinyClip().resolve(tower).resolve("model.onnx"),
          dir.resolve(tower).resolve("model.onnx"));
    }
    Files.copy(
        SharedFixtures.tinyClip().resolve("textual/tokenizer.json"),
        dir.resolve("textual/tokenizer.json"));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ClipModels.load(dir, LoadOptions.defaults().withEngine(EngineKind.PYTORCH)));
    assertTrue(
        e.getMessage().contains("no model.pt for both towers (engines present: [ONNX])"),
        e.getMessage());
  }

  private static void copyConfigs(Path from, Path to) throws IOException {
    Files.createDirectories(to.resolve("visual"));
    Files.createDirectories(to.resolve("textual"));
    Files.copy(from.resolve("config.json"), to.resolve("config.json"));
    Files.copy(
        from.resolve("visual/preprocess_cfg.json"), to.resolve("visual/preprocess_cfg.json"));
  }
}
