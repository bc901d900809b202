package io.clipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.testing.Npy;
import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clipsearch lab} end to end on the tiny-clip fixture model (random weights: shapes and
 * ranges are asserted, never accuracy).
 */
class LabCliTest {

  private final ObjectMapper json = new ObjectMapper();

  private static String tiny() {
    return SharedFixtures.tinyClip().toString();
  }

  @Test
  void zeroShotOnCifarFivePerClass(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("zs.json");
    CliRun run =
        CliRun.of(
            "lab",
            "zeroshot",
            "--model",
            tiny(),
            "--dataset",
            SharedFixtures.path("datasets/cifar10-test/test").toString(),
            "--limit-per-class",
            "5",
            "--json",
            out.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("top-1"), run.out());
    assertTrue(run.err().contains("images 50/50 (100%)"), run.err());
    JsonNode r = json.readTree(out.toFile());
    assertEquals(80, r.get("templateCount").asInt());
    JsonNode m = r.get("metrics");
    assertEquals(50, m.get("images").asInt());
    double top1 = m.get("top1").asDouble();
    double top5 = m.get("top5").asDouble();
    assertTrue(0 <= top1 && top1 <= top5 && top5 <= 1, m.toString());
    assertEquals(10, m.get("perClass").size());
    assertEquals(10, m.get("confusion").size());
    int total = 0;
    for (JsonNode row : m.get("confusion")) {
      assertEquals(10, row.size());
      for (JsonNode x : row) {
        total += x.asInt();
      }
    }
    assertEquals(50, total);
    double p = r.get("meanTrueClassProbability").asDouble();
    assertTrue(p > 0 && p < 1, "p " + p);
  }

  @Test
  void retrievalOnCocoMini(@TempDir Path dir) throws Exception {
    Path coco = SharedFixtures.path("datasets/coco-mini");
    Path out = dir.resolve("r.json");
    CliRun run =
        CliRun.of(
            "lab",
            "retrieval",
            "--model",
            tiny(),
            "--captions",
            coco.resolve("captions.csv").toString(),
            "--images",
            coco.resolve("images").toString(),
            "--json",
            out.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("text→image"), run.out());
    JsonNode r = json.readTree(out.toFile());
    assertEquals(159, r.get("images").asInt());
    for (String direction : new String[] {"textToImage", "imageToText"}) {
      JsonNode k = r.get("metrics").get(direction);
      double r1 = k.get("r1").asDouble();
      double r10 = k.get("r10").asDouble();
      assertTrue(
          0 <= r1 && r1 <= k.get("r5").asDouble() && k.get("r5").asDouble() <= r10 && r10 <= 1,
          k.toString());
      assertTrue(k.get("medianRank").asDouble() >= 1, k.toString());
    }
    assertEquals(159, r.get("metrics").get("imageToText").get("queries").asInt());
    assertEquals(
        r.get("texts").asInt(), r.get("metrics").get("textToImage").get("queries").asInt());
    assertTrue(r.get("gap").get("centroidDistance").asDouble() > 0);
  }

  @Test
  void matrixWritesJsonAndHeatmap(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("m.png");
    Path out = dir.resolve("m.json");
    CliRun run =
        CliRun.of(
            "lab",
            "matrix",
            "--model",
            tiny(),
            "--images",
            SharedFixtures.clipFixture("images/coffee.png").toString(),
            SharedFixtures.clipFixture("images/gray.png").toString(),
            "--texts",
            "a cup of coffee",
            "a grey square",
            "a dog",
            "--png",
            png.toString(),
            "--json",
            out.toString());

    assertEquals(0, run.exitCode(), run.err());
    JsonNode r = json.readTree(out.toFile());
    assertEquals(2, r.get("cosine").size());
    assertEquals(3, r.get("cosine").get(0).size());
    double sum = 0;
    for (JsonNode p : r.get("probabilities").get(0)) {
      sum += p.asDouble();
    }
    assertEquals(1.0, sum, 1e-5);
    assertTrue(Files.size(png) > 1000);
    assertTrue(javax.imageio.ImageIO.read(png.toFile()).getWidth() > 3 * 56);
  }

  @Test
  void gapOfGivenInputs() {
    CliRun run =
        CliRun.of(
            "lab",
            "gap",
            "--model",
            tiny(),
            "--images",
            SharedFixtures.clipFixture("images/coffee.png").toString(),
            "--texts",
            "a cup",
            "a dog");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("gap (centroid distance)"), run.out());
  }

  @Test
  void exportsNpyWithMetadata(@TempDir Path dir) throws Exception {
    CliRun run =
        CliRun.of(
            "lab",
            "export",
            "--model",
            tiny(),
            "--images",
            SharedFixtures.path("datasets/cifar10-test/test").toString(),
            "--limit",
            "4",
            "--format",
            "npy",
            "--out",
            dir.toString());

    assertEquals(0, run.exitCode(), run.err());
    Npy.FloatArray a = Npy.readFloat32(dir.resolve("embeddings.npy"));
    assertEquals(4, a.shape()[0]);
    assertEquals(32, a.shape()[1]);
    var meta = Files.readAllLines(dir.resolve("metadata.tsv"));
    assertEquals("file\tlabel", meta.getFirst());
    assertEquals(5, meta.size());
    assertTrue(meta.get(1).endsWith("\tairplane"), meta.get(1));
  }

  @Test
  void anUnknownFormatIsOneLine(@TempDir Path dir) {
    CliRun run =
        CliRun.of(
            "lab",
            "export",
            "--model",
            tiny(),
            "--images",
            dir.toString(),
            "--format",
            "parquet",
            "--out",
            dir.toString());
    assertEquals(ErrorReporter.EXIT_USER_ERROR, run.exitCode());
    assertEquals(
        "clipsearch: unknown export format 'parquet': use tsv, npy or csv", run.err().strip());
  }
}
