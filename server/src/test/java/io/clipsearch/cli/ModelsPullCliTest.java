package io.clipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.testing.ChildCli;
import io.clipsearch.testing.HubFixture;
import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clipsearch models pull} end to end in a child process against a fake hub on loopback
 * (named by {@code HF_ENDPOINT}, as users name a mirror) serving the tiny CLIP fixture as ViT-B-32:
 * it downloads, verifies, and leaves the any-length text tower prepared beside the model, so the
 * first server start or index run of the model does not rewrite and check it.
 */
class ModelsPullCliTest {

  @TempDir Path tmp;

  @Test
  void pullVerifiesAndPreparesTheAnyLengthTextTower() throws Exception {
    try (HubFixture hub =
        new HubFixture("immich-app/ViT-B-32__openai").folder(SharedFixtures.tinyClip())) {
      ChildCli cli =
          ChildCli.start(
              Map.of("HF_ENDPOINT", hub.baseUrl().toString()),
              "models",
              "pull",
              "ViT-B-32",
              "--models-dir",
              tmp.toString());
      assertTrue(cli.process().waitFor(3, TimeUnit.MINUTES), "models pull did not end");
      assertEquals(0, cli.process().exitValue(), String.join("\n", cli.output()));
      assertTrue(cli.printed("model OK: "), String.join("\n", cli.output()));
      assertTrue(cli.printed("texts cut after their end token"), String.join("\n", cli.output()));
      try (Stream<Path> files = Files.list(tmp.resolve("ViT-B-32").resolve("textual"))) {
        List<String> names = files.map(f -> f.getFileName().toString()).toList();
        assertTrue(
            names.stream().anyMatch(n -> n.startsWith("model.any-length-") && n.endsWith(".onnx")),
            "no prepared text tower beside the model: " + names);
      }
    }
  }
}
