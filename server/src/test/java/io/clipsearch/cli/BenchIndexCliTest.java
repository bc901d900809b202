package io.clipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench-vectors} then {@code bench-index} on its files, in-process, on a real index. */
class BenchIndexCliTest {

  @Test
  void benchmarksGivenFilesAndCachesTheirGroundTruth(@TempDir Path dir) throws Exception {
    CliRun written =
        CliRun.of(
            "bench-vectors",
            "--count",
            "2000",
            "--dim",
            "16",
            "--queries",
            "20",
            "--out",
            dir.resolve("in").toString());
    assertEquals(0, written.exitCode(), written.err());
    assertEquals(3, written.lines().length, written.out());

    String[] args = {
      "bench-index",
      "--vectors",
      dir.resolve("in/base.npy").toString(),
      "--queries",
      dir.resolve("in/queries-image.npy") + "," + dir.resolve("in/queries-crossmodal.npy"),
      "--formats",
      "float32,int8",
      "--k",
      "10,100",
      "--threads",
      "1,2",
      "--json",
      "--dir",
      dir.resolve("idx").toString()
    };
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exitCode(), run.err());
    JsonNode rows = new ObjectMapper().readTree(run.out()).get("rows");
    // 2 formats x 2 query sets x 2 filters x 2 k x 2 thread counts
    assertEquals(32, rows.size());
    for (JsonNode r : rows) {
      assertEquals(1, r.get("segments").asInt(), "merged to one segment by default: " + r);
      assertTrue(r.get("p99Millis").asDouble() >= r.get("p50Millis").asDouble(), r.toString());
      assertTrue(r.get("bytesPerVector").asDouble() > 16 * 4, r.toString());
      // what a graph search reads: more than the quantized (int8) vectors, less than everything
      assertTrue(
          r.get("searchBytesPerVector").asDouble() > 16
              && r.get("searchBytesPerVector").asDouble() < r.get("bytesPerVector").asDouble(),
          r.toString());
      if (r.get("queryKind").asText().equals("queries-image")) {
        assertTrue(r.get("recall").asDouble() >= 0.9, r.toString());
      }
    }
    try (Stream<Path> files = Files.list(dir.resolve("in"))) {
      assertEquals(
          4,
          files.filter(f -> f.toString().endsWith(".ivecs")).count(),
          "plain and filtered truth of both query files cached");
    }

    // as served: a 200-deep search, recall@10 counted on its first 10; never below the 10-deep one
    CliRun served =
        CliRun.of(
            "bench-index",
            "--vectors",
            dir.resolve("in/base.npy").toString(),
            "--queries",
            dir.resolve("in/queries-crossmodal.npy").toString(),
            "--formats",
            "int8",
            "--k",
            "10",
            "--depth",
            "200",
            "--threads",
            "1",
            "--reuse",
            "--json",
            "--dir",
            dir.resolve("idx").toString());
    assertEquals(0, served.exitCode(), served.err());
    for (JsonNode r : new ObjectMapper().readTree(served.out()).get("rows")) {
      assertEquals(10, r.get("k").asInt());
      assertEquals(200, r.get("depth").asInt());
      JsonNode shallow =
          find(rows, "int8", r.get("queryKind").asText(), r.get("filtered").asBoolean(), 10, 1);
      assertEquals(10, shallow.get("depth").asInt());
      assertTrue(
          r.get("recall").asDouble() >= shallow.get("recall").asDouble(), r + " vs " + shallow);
    }
  }

  private static JsonNode find(
      JsonNode rows, String format, String kind, boolean filtered, int k, int threads) {
    for (JsonNode r : rows) {
      if (r.get("format").asText().equals(format)
          && r.get("queryKind").asText().equals(kind)
          && r.get("filtered").asBoolean() == filtered
          && r.get("k").asInt() == k
          && r.get("threads").asInt() == threads) {
        return r;
      }
    }
    throw new AssertionError("no row " + format + " " + kind + " " + filtered + " k=" + k);
  }

  @Test
  void segmentsZeroSearchesTheIndexAsBuilt(@TempDir Path dir) throws Exception {
    CliRun written =
        CliRun.of(
            "bench-vectors",
            "--count",
            "3000",
            "--dim",
            "16",
            "--queries",
            "10",
            "--out",
            dir.resolve("in").toString());
    assertEquals(0, written.exitCode(), written.err());
    CliRun run =
        CliRun.of(
            "bench-index",
            "--vectors",
            dir.resolve("in/base.npy").toString(),
            "--queries",
            dir.resolve("in/queries-image.npy").toString(),
            "--formats",
            "int8",
            "--k",
            "10",
            "--threads",
            "1",
            "--index-threads",
            "2",
            "--segments",
            "0",
            "--json",
            "--dir",
            dir.resolve("idx").toString());
    assertEquals(0, run.exitCode(), run.err());
    for (JsonNode r : new ObjectMapper().readTree(run.out()).get("rows")) {
      assertEquals(-1, r.get("mergeMillis").asLong(), r.toString());
      assertTrue(r.get("segments").asInt() >= 1, r.toString());
    }
    CliRun negative =
        CliRun.of(
            "bench-index",
            "--vectors",
            dir.resolve("in/base.npy").toString(),
            "--queries",
            dir.resolve("in/queries-image.npy").toString(),
            "--segments",
            "-1",
            "--dir",
            dir.resolve("idx2").toString());
    assertEquals(2, negative.exitCode());
    assertTrue(negative.err().contains("max segments must be >= 0"), negative.err());
  }

  @Test
  void aBadVectorsFileIsOneClearLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("base.npy");
    Files.writeString(bad, "not numpy");
    CliRun run =
        CliRun.of(
            "bench-index",
            "--vectors",
            bad.toString(),
            "--queries",
            bad.toString(),
            "--dir",
            dir.resolve("idx").toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("is not a .npy file"), run.err());
  }

  @Test
  void benchmarksACollectionsStoredVectorsWithItsModelsTextQueries(@TempDir Path dir)
      throws Exception {
    Path photos = Files.createDirectories(dir.resolve("photos"));
    for (Path jpeg : SharedFixtures.sampleJpegs().subList(0, 12)) {
      Files.copy(jpeg, photos.resolve(jpeg.getFileName()));
    }
    String model = SharedFixtures.tinyClip().toString();
    String data = dir.resolve("data").toString();
    CliRun indexed =
        CliRun.of(
            "index", photos.toString(), "--model", model, "--data", data, "--collection", "trip");
    assertEquals(0, indexed.exitCode(), indexed.err());
    Path texts = Files.writeString(dir.resolve("q.tsv"), "# queries\na dog\trelevant\na red car\n");

    CliRun run =
        CliRun.of(
            "bench-index",
            "--from-collection",
            "trip",
            "--data",
            data,
            "--model",
            model,
            "--texts",
            texts.toString(),
            "--formats",
            "int8",
            "--k",
            "5",
            "--threads",
            "1",
            "--json",
            "--dir",
            dir.resolve("idx").toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertTrue(doc.get("inputs").asText().contains("12 image vectors"), doc.toString());
    // text and image query sets, each without and with the filter
    assertEquals(4, doc.get("rows").size());
    assertEquals("text", doc.get("rows").get(0).get("queryKind").asText());

    CliRun missing =
        CliRun.of(
            "bench-index",
            "--from-collection",
            "nowhere",
            "--data",
            data,
            "--model",
            model,
            "--texts",
            texts.toString(),
            "--dir",
            dir.resolve("idx2").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("no index there"), missing.err());
  }
}
