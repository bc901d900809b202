package io.clipsearch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.testing.SharedFixtures;
import io.clipsearch.training.MiniModelFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model-family seam: which family {@link ClipModels} picks, and that {@code model} stays free
 * of its families.
 */
class ModelFamilyTest {

  @Test
  void theMiniFolderIsLoadedByTheRegisteredMiniFamily() {
    assertEquals(BundledModel.NAME, ClipModels.familyOf(MiniModelFixture.folder()).name());
  }

  @Test
  void anOpenClipFolderIsLoadedByTheOpenClipFamily() {
    Path tiny = SharedFixtures.tinyClip();
    assertEquals("open_clip", ClipModels.familyOf(tiny).name());
    assertTrue(new OpenClipFamily().recognizes(tiny));
    assertFalse(
        new OpenClipFamily().recognizes(MiniModelFixture.folder()),
        "the mini folder has no textual/");
  }

  @Test
  void anUnknownFolderFallsBackToOpenClipWhoseErrorNamesTheMissingFile(@TempDir Path dir) {
    assertEquals("open_clip", ClipModels.familyOf(dir).name());
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ClipModels.load(dir));
    assertEquals(dir.resolve("config.json").toAbsolutePath().normalize().toString(), e.getFile());
  }

  @Test
  void tokenizerFamilyFollowsTheConfig() throws IOException {
    ClipConfig clip = ModelFolder.open(SharedFixtures.tinyClip()).config();
    assertEquals(TokenizerFamily.CLIP_BPE, TokenizerFamily.of(clip));
  }

  /**
   * The package cycle model ⇄ model.mini is gone: neither {@code model} nor its other subpackages
   * name the mini family's package.
   */
  @Test
  void theModelPackagesImportNoFamilyPackage() throws IOException {
    Path source = Path.of("src/main/java/io/clipsearch/model");
    Path mini = source.resolve("mini");
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file :
          files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(mini)).toList()) {
        if (Files.readString(file).contains("io.clipsearch.model.mini")) {
          offenders.add(file.getFileName().toString());
        }
      }
    }
    assertEquals(List.of(), offenders);
  }
}
