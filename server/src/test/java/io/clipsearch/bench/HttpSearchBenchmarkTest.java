package io.clipsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.model.ModelFolder;
import io.clipsearch.testing.SharedFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench-http end to end at a small scale: real server, real index job, real HTTP. */
class HttpSearchBenchmarkTest {

  @Test
  void timesSearchesThenSearchesDuringARealImportAndLeavesTheCollectionAsItWas(@TempDir Path temp)
      throws Exception {
    Path photos = Files.createDirectories(temp.resolve("card"));
    List<Path> samples =
        io.clipsearch.model.image.ImageFiles.list(SharedFixtures.path("sample-images"));
    for (int i = 0; i < 12; i++) {
      Files.copy(samples.get(i), photos.resolve("photo-" + i + ".jpg"));
    }
    Path data = temp.resolve("data");
    StringWriter log = new StringWriter();

    HttpSearchBenchmark.Result r =
        new HttpSearchBenchmark(new PrintWriter(log))
            .run(
                SharedFixtures.tinyClip(),
                data,
                2_000,
                VectorFormat.INT8,
                30,
                2,
                Optional.of(photos));

    assertEquals(2_000, r.vectors());
    assertTrue(r.p50Millis() > 0 && r.p95Millis() >= r.p50Millis() && r.qps() > 0, r.toString());
    SearchDuringIngest.Result during = r.duringIngest().orElseThrow();
    assertEquals(12, during.images(), "every photo of the card embedded by the job");
    assertTrue(
        during.searches() > 0 && during.p95Millis() >= during.p50Millis(), during.toString());
    ModelFolder model = ModelFolder.open(SharedFixtures.tinyClip());
    CollectionLayout layout = new CollectionLayout(data, "bench-2000-int8");
    try (VectorIndex index =
        VectorIndex.open(
            layout.indexDir(model.id()),
            new VectorSpace(model.id(), model.config().embedDim()),
            VectorFormat.INT8)) {
      assertEquals(
          2_000,
          index.count(),
          "the imported photos are removed again, so a re-run reuses the index");
    }
  }
}
