package io.clipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.model.LoadOptions;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.model.mini.MiniClipModel;
import io.clipsearch.testing.SharedFixtures;
import io.clipsearch.testing.TfjsBackboneFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clipsearch train-lit} end to end on one image a class: the backbone converted, its
 * features computed and kept, a projection trained, and a folder written that the product loads as
 * a mini model and embeds with; a second run reads the kept features instead of computing them.
 * Needs the npm packages of {@code scripts/backbone} and {@code ../shared/datasets}; skipped
 * without them.
 */
class TrainLitCliTest {

  @Test
  void trainsAFolderTheProductLoads(@TempDir Path dir) throws Exception {
    Path datasets = SharedFixtures.path("datasets");
    assumeTrue(Files.isDirectory(datasets), datasets + " is missing: skipped");
    Optional<Path> backbone = TfjsBackboneFixture.unpack(dir.resolve("tfjs"));
    assumeTrue(backbone.isPresent(), "npm ci in scripts/backbone first: skipped");
    Path out = dir.resolve("lit");
    String[] args = {
      "train-lit",
      "--data",
      datasets.toString(),
      "--backbone",
      backbone.get().toString(),
      "--out",
      out.toString(),
      "--size",
      "96",
      "--max-per-class",
      "1",
      "--epochs",
      "2",
      "--tap",
      "MobilenetV2/expanded_conv_12/add",
      "--threads",
      "2"
    };

    CliRun first = CliRun.of(args);

    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().contains("held-out top-1"), first.out());
    assertTrue(first.err().contains("backbone features: 303/303 images"), first.err());
    JsonNode vision =
        new ObjectMapper().readTree(out.resolve("config.json").toFile()).path("vision");
    assertEquals(96, vision.path("image_size").asInt());
    assertEquals("MobilenetV2/expanded_conv_12/add", vision.path("taps").get(0).asText());
    assertEquals(
        136 + 1792, vision.path("features").asInt()); // block 12's channels, then the final
    try (ClipModel model = ClipModels.load(out, LoadOptions.defaults().withThreads(1))) {
      assertInstanceOf(MiniClipModel.class, model);
      assertTrue(model.info().id().startsWith("lit@"), model.info().id());
      float[] v = model.embedImage(ImageSource.of(SharedFixtures.sampleJpegs().getFirst()));
      assertEquals(384, v.length);
      double norm = 0;
      for (float x : v) {
        norm += x * x;
      }
      assertEquals(1.0, norm, 1e-4);
    }

    CliRun second = CliRun.of(args);

    assertEquals(0, second.exitCode(), second.err());
    assertFalse(second.err().contains("backbone features:"), "the kept features are read");
  }
}
