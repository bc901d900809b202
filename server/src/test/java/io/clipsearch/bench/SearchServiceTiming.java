package io.clipsearch.bench;

import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.lucene.LuceneSearchBackend;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.search.HybridSearch;
import io.clipsearch.search.SearchRequest;
import io.clipsearch.search.SearchSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Latency of whole {@link HybridSearch#search} calls (parse, kNN, BM25, fusion, calibrated cutoff,
 * page load) over an embedded index of synthetic vectors in a model's space, with the text
 * embeddings already cached, so the figure is the search's own cost and not the text tower's. Each
 * search runs on the calling thread, so its thread CPU time is reported beside the wall time: on a
 * machine shared with other work, CPU time is the steadier figure. For comparing implementations by
 * hand; not a test.
 *
 * <p>Run: {@code java -cp <test classpath> io.clipsearch.bench.SearchServiceTiming MODEL_DIR
 * INDEX_DIR [vectors] [rounds]} (defaults 100,000 and 5). The index (int8, force-merged to one
 * segment) is built on the first run and reused by later ones.
 */
public final class SearchServiceTiming {

  private static final int QUERIES = 50;

  private SearchServiceTiming() {}

  public static void main(String[] args) throws Exception {
    Path modelDir = Path.of(args[0]);
    Path indexDir = Path.of(args[1]);
    int n = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    try (ClipModel model = ClipModels.load(modelDir);
        VectorIndex index =
            VectorIndex.open(
                indexDir,
                new VectorSpace(model.info().id(), model.dimension()),
                VectorFormat.INT8)) {
      if (index.count() != n) {
        SyntheticVectors synthetic =
            new SyntheticVectors(model.dimension(), SyntheticVectors.clustersFor(n), 42);
        for (int first = 0; first < n; first += 50_000) {
          SyntheticVectors.index(index, synthetic.next(Math.min(50_000, n - first)), first, 2);
        }
        index.commit();
        index.forceMerge(1);
      }
      HybridSearch service =
          new HybridSearch(
              new LuceneSearchBackend(index, SearchSettings.DEFAULTS.oversample()),
              model,
              SearchSettings.DEFAULTS);
      List<SearchRequest> requests =
          IntStream.range(0, QUERIES)
              .mapToObj(q -> SearchRequest.of("a photo of thing number " + q + " at sunset"))
              .toList();
      for (SearchRequest r : requests) { // warm-up: caches each text's embedding, JIT
        service.search(r);
      }
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      for (int round = 0; round < rounds; round++) {
        double[] millis = new double[requests.size()];
        double[] cpuMillis = new double[requests.size()];
        int hits = 0;
        for (int q = 0; q < requests.size(); q++) {
          long cpu0 = threads.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          hits += service.search(requests.get(q)).hits().size();
          millis[q] = (System.nanoTime() - t0) / 1e6;
          cpuMillis[q] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        System.out.printf(
            "round %d: %d searches of %,d documents, %d hits: p50 %.2f ms, p95 %.2f ms,"
                + " mean %.2f ms; CPU p50 %.2f ms, mean %.2f ms%n",
            round,
            millis.length,
            n,
            hits,
            millis[millis.length / 2],
            millis[(int) Math.ceil(0.95 * millis.length) - 1],
            Arrays.stream(millis).average().orElse(0),
            cpuMillis[cpuMillis.length / 2],
            Arrays.stream(cpuMillis).average().orElse(0));
      }
    }
  }
}
