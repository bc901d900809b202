package io.clipsearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.index.WarmUp;
import io.clipsearch.model.Vectors;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warming reads the files a search pages through, and only those, once per open index. */
class IndexWarmerTest {

  private static final VectorSpace SPACE = new VectorSpace("warm-test", 16);

  @Test
  void quantizedIndexWarmsWhatSearchesReadThenTheOriginalsIfTheyFit(@TempDir Path dir)
      throws Exception {
    try (VectorIndex index = merged(dir, VectorFormat.INT8)) {
      List<String> searched =
          index.search(
              s ->
                  IndexWarmer.filesToWarm(
                      s.getIndexReader(),
                      VectorFormat.INT8,
                      sizes(dir, "vex", "veq", "dvd", "vec") - 1));
      assertEquals(
          Set.of("vex", "veq", "dvd"),
          searched.stream()
              .map(f -> f.substring(f.lastIndexOf('.') + 1))
              .collect(Collectors.toSet()),
          "one byte short of room for the originals: graph, quantized vectors, doc values");
      assertEquals(3, searched.size(), searched.toString());
      List<String> all =
          index.search(
              s ->
                  IndexWarmer.filesToWarm(
                      s.getIndexReader(),
                      VectorFormat.INT8,
                      sizes(dir, "vex", "veq", "dvd", "vec")));
      assertEquals(searched, all.subList(0, 3), "what every search reads comes first");
      assertTrue(all.get(3).endsWith(".vec"), all.toString());

      WarmUp w = index.warmUp().get(30, TimeUnit.SECONDS); // this machine has far more memory
      assertEquals(sizes(dir, "vex", "veq", "dvd", "vec"), w.bytes());
      assertEquals(4, w.files());
    }
  }

  @Test
  void float32IndexWarmsItsVectorsToo(@TempDir Path dir) throws Exception {
    try (VectorIndex index = merged(dir, VectorFormat.FLOAT32)) {
      WarmUp w = index.warmUp().get(30, TimeUnit.SECONDS);
      assertEquals(sizes(dir, "vex", "vec", "dvd"), w.bytes());
    }
  }

  @Test
  void smallSegmentsAreWarmedThroughTheirCompoundFile(@TempDir Path dir) throws Exception {
    try (VectorIndex index = VectorIndex.open(dir, SPACE, VectorFormat.INT8)) {
      add(index, 0, 50);
      index.commit();
      index.refresh();
      WarmUp w = index.warmUp().get(30, TimeUnit.SECONDS);
      assertEquals(sizes(dir, "cfs"), w.bytes());
      assertTrue(w.bytes() > 0);
    }
  }

  @Test
  void warmsOnceAndStopsWhenTheIndexCloses(@TempDir Path dir) throws Exception {
    CompletableFuture<WarmUp> first;
    try (VectorIndex index = merged(dir, VectorFormat.INT8)) {
      first = index.warmUp();
      assertSame(first, index.warmUp());
    }
    first.handle((w, e) -> null).get(30, TimeUnit.SECONDS); // completes, whichever way
    try (VectorIndex reopened = VectorIndex.open(dir, SPACE, VectorFormat.INT8)) {
      assertEquals(
          sizes(dir, "vex", "veq", "dvd", "vec"),
          reopened.warmUp().get(30, TimeUnit.SECONDS).bytes());
    }
  }

  @Test
  void warmUpReadsTheFilesThenRunsSearchesOnce(@TempDir Path dir) throws Exception {
    try (VectorIndex index = merged(dir, VectorFormat.INT8)) {
      CompletableFuture<WarmUp> warming = index.warmUp();
      assertSame(warming, index.warmUp());
      WarmUp w = warming.get(30, TimeUnit.SECONDS);
      assertEquals(IndexWarmer.WARM_SEARCHES, w.searches());
      assertEquals(sizes(dir, "vex", "veq", "dvd", "vec"), w.bytes());
      float[] axis = new float[SPACE.dimension()];
      axis[0] = 1;
      try (SearchSession session = new LuceneSearchBackend(index, 4).session()) {
        assertEquals(10, session.nearest(axis, 10, SearchFilters.NONE).size());
      }
    }
  }

  @Test
  void emptyIndexWarmsNothing(@TempDir Path dir) throws Exception {
    try (VectorIndex index = VectorIndex.open(dir, SPACE, VectorFormat.INT8)) {
      assertEquals(0, index.warmUp().get(30, TimeUnit.SECONDS).bytes());
    }
  }

  private static VectorIndex merged(Path dir, VectorFormat format) throws IOException {
    VectorIndex index = VectorIndex.open(dir, SPACE, format);
    add(index, 0, 200);
    index.commit();
    add(index, 200, 200);
    index.forceMerge(1); // one segment as large as the index: not a compound file
    return index;
  }

  private static void add(VectorIndex index, int first, int n) throws IOException {
    Random random = new Random(first);
    for (int i = first; i < first + n; i++) {
      float[] v =
          Vectors.unit(
              DoubleStream.generate(random::nextGaussian).limit(SPACE.dimension()).toArray());
      index.upsert(
          new ImageDoc(
              Path.of("/photos/" + i + ".jpg"),
              "id" + i,
              1000,
              1_700_000_000_000L + i,
              640,
              480,
              PhotoMetadata.NONE,
              v));
    }
  }

  private static long sizes(Path dir, String... extensions) throws IOException {
    List<String> wanted = List.of(extensions);
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> wanted.contains(f.toString().substring(f.toString().lastIndexOf('.') + 1)))
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    }
  }
}
