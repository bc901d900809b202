package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.config.DataConfig;
import io.clipsearch.api.config.ModelConfig;
import io.clipsearch.api.types.ModelDescription;
import io.clipsearch.model.BundledModel;
import io.clipsearch.model.ClipModel;
import io.clipsearch.testing.TestFiles;
import io.clipsearch.training.MiniModelFixture;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the server picks its model: configured folder, else the bundled mini model, else an error.
 */
class ModelFactoryTest {

  private static final ModelConfig UNSET = new ModelConfig(null, null, 1, false, 100_000_000L);

  @Test
  void emptyDirUsesTheBundledMiniModelWithANotice(@TempDir Path home) throws IOException {
    TestFiles.copyTree(MiniModelFixture.folder(), home.resolve(BundledModel.FOLDER));
    ModelConfig config = new ModelConfig("  ", null, 1, false, 100_000_000L);
    DataConfig data = new DataConfig(home.resolve("data"), "default", null);
    ModelFactory factory = new ModelFactory();
    ModelSelection selection = factory.modelSelection(config, data, home.toString());
    assertEquals(home.resolve(BundledModel.FOLDER), selection.folder());
    try (ClipModel model = factory.clipModel(selection, config, data)) {
      ModelDescription d = new ModelService(model).describe();
      assertEquals(384, d.dimension());
      assertEquals(BundledModel.NOTICE, d.notice());
      assertTrue(d.notice().contains("clipsearch models pull ViT-B-32"), d.notice());
    }
  }

  @Test
  void configuredDirWins(@TempDir Path home) {
    ModelConfig config = new ModelConfig("/some/model", null, 1, false, 100_000_000L);
    assertEquals(Path.of("/some/model"), BundledModel.resolve(config.folder(), home));
  }

  @Test
  void neitherGivesTheClearError(@TempDir Path home) {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> BundledModel.resolve(UNSET.folder(), home));
    assertTrue(
        e.getMessage().startsWith("no CLIP model configured: set clipsearch.model.dir"),
        e.getMessage());
    assertTrue(e.getMessage().contains("clipsearch models pull ViT-B-32"), e.getMessage());
    assertTrue(e.getMessage().contains("clipsearch train-mini"), e.getMessage());
  }
}
