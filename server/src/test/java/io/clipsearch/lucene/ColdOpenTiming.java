package io.clipsearch.lucene;

import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.index.WarmUp;
import io.clipsearch.model.Vectors;
import io.clipsearch.search.SearchSettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.stream.DoubleStream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The first searches after opening an index, with or without {@link VectorIndex#warmUp} first: run
 * it after dropping the page cache ({@code sync; echo 3 > /proc/sys/vm/drop_caches}) to see what a
 * server's first searches cost after a reboot. Each search is a served-depth kNN (the default
 * search's {@code minCandidates} results, re-scored) with a random unit query. For comparing by
 * hand; not a test.
 *
 * <p>Run: {@code java -cp <test classpath> io.clipsearch.lucene.ColdOpenTiming INDEX_DIR
 * [warm|cold] [searches]}.
 */
public final class ColdOpenTiming {

  private ColdOpenTiming() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    boolean warm = args.length > 1 && args[1].equals("warm");
    int searches = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    Map<String, String> data;
    try (Directory d = FSDirectory.open(dir)) {
      data = SegmentInfos.readLatestCommit(d).getUserData();
    }
    VectorSpace space =
        new VectorSpace(
            data.get(VectorIndex.KEY_MODEL_ID),
            Integer.parseInt(data.get(VectorIndex.KEY_DIMENSION)));
    VectorFormat format = VectorFormat.parse(data.get(VectorIndex.KEY_FORMAT));
    SearchSettings settings = SearchSettings.DEFAULTS;
    VectorSearch search = new VectorSearch(format, settings.oversample());
    long t0 = System.nanoTime();
    try (VectorIndex index = VectorIndex.open(dir, space, format)) {
      long opened = System.nanoTime();
      System.out.printf(
          "opened %s (%s, %,d documents) in %d ms%n",
          dir, format, index.count(), (opened - t0) / 1_000_000);
      if (warm) {
        WarmUp w = index.warmUp().get();
        System.out.printf(
            "warm-up: %d files, %,d MB and %d searches in %,d ms%n",
            w.files(), w.bytes() >> 20, w.searches(), w.millis());
      }
      Random random = new Random(7);
      double[] millis = new double[searches];
      for (int q = 0; q < searches; q++) {
        float[] query =
            Vectors.unit(
                DoubleStream.generate(random::nextGaussian).limit(space.dimension()).toArray());
        long s = System.nanoTime();
        index.search(searcher -> search.search(searcher, query, settings.minCandidates(), null));
        millis[q] = (System.nanoTime() - s) / 1e6;
      }
      System.out.printf(
          "searches: first %.1f ms, then %s ms%n",
          millis[0],
          Arrays.toString(
              Arrays.stream(millis).skip(1).map(m -> Math.round(m * 10) / 10.0).toArray()));
      double[] sorted = millis.clone();
      Arrays.sort(sorted);
      System.out.printf(
          "%d searches: total %.0f ms, p50 %.1f ms, max %.1f ms; open to last result %d ms%n",
          searches,
          Arrays.stream(millis).sum(),
          sorted[searches / 2],
          sorted[searches - 1],
          (System.nanoTime() - t0) / 1_000_000);
    }
  }
}
