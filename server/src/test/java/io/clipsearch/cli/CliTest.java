package io.clipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, in-process, on the tiny-clip fixture model. */
class CliTest {

  private final ObjectMapper json = new ObjectMapper();

  private static String tiny() {
    return SharedFixtures.tinyClip().toString();
  }

  @Test
  void tokenizePrintsTheGoldenIds(@TempDir Path dir) throws Exception {
    List<String> golden =
        Files.readAllLines(SharedFixtures.clipFixture("tokenizer/golden.jsonl")).subList(0, 5);
    Path texts = dir.resolve("texts.txt");
    Files.write(texts, golden.stream().map(l -> readTree(l).get("text").asText()).toList());

    CliRun run = CliRun.of("tokenize", "--model", tiny(), "--file", texts.toString());

    assertEquals(0, run.exitCode(), run.err());
    String[] lines = run.lines();
    assertEquals(5, lines.length);
    for (int i = 0; i < 5; i++) {
      assertEquals(readTree(golden.get(i)), readTree(lines[i]));
    }
  }

  @Test
  void embedTextPrintsNormalizedVectors() throws Exception {
    CliRun run = CliRun.of("embed", "--model", tiny(), "--text", "a photo of a cat", "a diagram");

    assertEquals(0, run.exitCode(), run.err());
    String[] lines = run.lines();
    assertEquals(2, lines.length);
    JsonNode first = readTree(lines[0]);
    assertEquals("a photo of a cat", first.get("input").asText());
    JsonNode v = first.get("embedding");
    assertEquals(32, v.size());
    double norm = 0;
    for (JsonNode x : v) {
      norm += x.asDouble() * x.asDouble();
    }
    assertEquals(1.0, Math.sqrt(norm), 1e-5);
  }

  @Test
  void embedImagesReportsBadFilesAndExitsTwo(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("broken.jpg"), "definitely not a jpeg");
    Path good = SharedFixtures.clipFixture("images/coffee.png");

    CliRun run =
        CliRun.of(
            "embed",
            "--model",
            tiny(),
            "--engine",
            "pytorch",
            "--image",
            good.toString(),
            bad.toString());

    assertEquals(EmbedCommand.EXIT_SOME_FAILED, run.exitCode(), run.err());
    String[] lines = run.lines();
    assertEquals(2, lines.length);
    assertEquals(32, readTree(lines[0]).get("embedding").size());
    JsonNode failed = readTree(lines[1]);
    assertEquals(bad.toString(), failed.get("input").asText());
    assertEquals("NOT_AN_IMAGE", failed.get("reason").asText());
    assertTrue(failed.get("error").asText().contains("broken.jpg"), failed.toString());
  }

  @Test
  void thePixelCapIsConfigurable() throws Exception {
    Path photo = SharedFixtures.clipFixture("images/kitten-on-lawn.jpg");

    CliRun run =
        CliRun.of("embed", "--model", tiny(), "--max-pixels", "1000", "--image", photo.toString());

    assertEquals(EmbedCommand.EXIT_SOME_FAILED, run.exitCode(), run.err());
    assertEquals("TOO_LARGE", readTree(run.lines()[0]).get("reason").asText());
  }

  @Test
  void embedReadsImagePathsFromAFile(@TempDir Path dir) throws Exception {
    Path list = dir.resolve("images.txt");
    Files.write(
        list,
        List.of(
            SharedFixtures.clipFixture("images/gray.png").toString(),
            SharedFixtures.clipFixture("images/photo.bmp").toString()));

    CliRun run = CliRun.of("embed", "--model", tiny(), "--file", list.toString(), "--file-images");

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(2, run.lines().length);
  }

  @Test
  void aMissingModelFolderIsOneClearLine() {
    CliRun run = CliRun.of("embed", "--model", "/no/such/model", "--text", "x");

    assertEquals(ErrorReporter.EXIT_USER_ERROR, run.exitCode());
    assertEquals(
        "clipsearch: /no/such/model: not a model folder (no such directory)", run.err().strip());
  }

  @Test
  void anUnknownEngineIsRefused() {
    CliRun run = CliRun.of("embed", "--model", tiny(), "--engine", "tensorflow", "--text", "x");

    assertEquals(ErrorReporter.EXIT_USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("unknown engine 'tensorflow': use onnx or pytorch"), run.err());
  }

  @Test
  void verifyPassesOnTheFixtureModel() {
    CliRun run = CliRun.of("models", "verify", tiny());

    assertEquals(0, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("engines agree"), run.out());
    assertTrue(
        run.out().contains("ok   ONNX text length             texts cut after their end token: "),
        run.out());
    assertTrue(
        run.out().contains("ok   PYTORCH text length          TorchScript: texts padded"),
        run.out());
    assertTrue(run.out().strip().endsWith("model OK: " + tiny()), run.out());
  }

  @Test
  void verifyFailsOnAnIncompleteFolder(@TempDir Path dir) throws Exception {
    Files.copy(SharedFixtures.tinyClip().resolve("config.json"), dir.resolve("config.json"));

    CliRun run = CliRun.of("models", "verify", dir.toString());

    assertEquals(1, run.exitCode());
    assertTrue(run.out().contains("FAIL folder layout"), run.out());
    assertTrue(run.out().contains("preprocess_cfg.json"), run.out());
  }

  @Test
  void modelsListNamesTheKnownModels(@TempDir Path dir) {
    CliRun run = CliRun.of("models", "list", "--models-dir", dir.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("ViT-B-32"), run.out());
    assertTrue(run.out().contains("ViT-L-14"), run.out());
  }

  @Test
  void pullingAnUnknownModelListsTheKnownOnes(@TempDir Path dir) {
    CliRun run = CliRun.of("models", "pull", "ViT-X-99", "--models-dir", dir.toString());

    assertEquals(ErrorReporter.EXIT_USER_ERROR, run.exitCode());
    assertTrue(run.err().contains("unknown model 'ViT-X-99'"), run.err());
    assertTrue(run.err().contains("ViT-B-32"), run.err());
  }

  @Test
  void benchPrintsOneResultPerEngine(@TempDir Path dir) throws Exception {
    for (String name : List.of("coffee.png", "kitten-on-lawn.jpg", "photo.webp")) {
      Files.copy(SharedFixtures.clipFixture("images/" + name), dir.resolve(name));
    }

    CliRun run =
        CliRun.of(
            "bench",
            "--model",
            tiny(),
            "--engine",
            "onnx",
            "--images",
            dir.toString(),
            "--calls",
            "2",
            "--json");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode result = readTree(run.lines()[0]);
    assertEquals("ONNX", result.get("engine").asText());
    assertEquals(3, result.get("images").asInt());
    assertEquals(0, result.get("failedImages").asInt());
    assertTrue(result.get("endToEndImagesPerSec").asDouble() > 0, result.toString());
    assertTrue(result.get("textP95Millis").asDouble() >= result.get("textP50Millis").asDouble());
  }

  private JsonNode readTree(String line) {
    try {
      return json.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
