package io.clipsearch.bench;

import io.clipsearch.index.IndexFields;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.lucene.FilterQueries;
import io.clipsearch.lucene.ScoredDoc;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.lucene.VectorSearch;
import io.clipsearch.model.ClipModel;
import io.clipsearch.search.SearchFilters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.VectorUtil;

/**
 * Measures the vector index per {@link VectorFormat} on synthetic CLIP-like data: build time,
 * index bytes per vector, kNN latency (unfiltered and with a 10% folder filter) and recall@10 of
 * {@link VectorSearch} (re-scored for quantized formats) against exact brute force.
 *
 * <p>Data: {@code n} unit vectors around {@code min(1000, n / 100)} Gaussian cluster centres
 * (fixed seed), noise of the centre's norm, so neighbours within a cluster have cosine ≈ 0.5, as
 * CLIP image neighbours do; queries are held-out vectors of the same clusters, and with a model
 * also its text embeddings of generated prompts. Documents are spread over 10 folders; the
 * filtered figures restrict to one. The index is built with several threads, then force-merged to
 * one segment so figures do not depend on how flushes fell. Figures, not assertions.
 */
public final class SearchBenchmark {

  static final int K = 10;
  static final int FILTER_FOLDER = 3;
  static final int WARMUP_ROUNDS = 1;

  /**
   * @param vectors documents indexed
   * @param dim vector dimension
   * @param formats formats measured, each in its own index
   * @param dir parent folder of the per-format indexes
   * @param queries queries timed per kind
   * @param threads indexing threads
   * @param oversample re-scoring over-fetch for quantized formats
   * @param seed data seed
   */
  public record Settings(int vectors, int dim, List<VectorFormat> formats, Path dir, int queries,
      int threads, int oversample, long seed) {
    public Settings {
      if (vectors < K || dim < 2 || queries < 1 || threads < 1) {
        throw new IllegalArgumentException("need vectors >= " + K + ", dim >= 2, queries >= 1,"
            + " threads >= 1; got " + vectors + ", " + dim + ", " + queries + ", " + threads);
      }
      formats = List.copyOf(formats);
      Objects.requireNonNull(dir, "dir");
    }
  }

  /**
   * Figures of one format for one kind of query.
   *
   * @param format vector format
   * @param queryKind "clustered" (held-out vectors) or "text" (model text embeddings)
   * @param buildMillis adding all documents with several threads, plus a commit
   * @param mergeMillis force-merging to one segment
   * @param bytesPerVector index size on disk / documents
   * @param p50Millis kNN latency median, unfiltered, k = 10
   * @param p95Millis kNN latency 95th percentile, unfiltered
   * @param filteredP50Millis median with a folder filter matching 10% of documents
   * @param filteredP95Millis 95th percentile, filtered
   * @param recall mean recall@10 vs exact, unfiltered
   * @param filteredRecall mean recall@10 vs exact within the filter
   * @param heapMb JVM heap in use after the searches (the raw vectors included)
   * @param rssMb resident set size of the process
   */
  public record FormatResult(String format, String queryKind, long buildMillis, long mergeMillis,
      double bytesPerVector, double p50Millis, double p95Millis, double filteredP50Millis,
      double filteredP95Millis, double recall, double filteredRecall, long heapMb, long rssMb) {}

  private final Settings settings;
  private final PrintWriter log;

  public SearchBenchmark(Settings settings, PrintWriter log) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * Runs every format; {@code model} (optional) adds text-embedding queries.
   *
   * @throws IllegalArgumentException if the model's dimension is not the settings'
   */
  public List<FormatResult> run(Optional<ClipModel> model) throws IOException, InterruptedException {
    int n = settings.vectors();
    int dim = settings.dim();
    int clusters = SyntheticVectors.clustersFor(n);
    SyntheticVectors synthetic = new SyntheticVectors(dim, clusters, settings.seed());
    log.printf("generating %,d vectors of dimension %d in %d clusters%n", n, dim, clusters);
    log.flush();
    float[][] data = synthetic.next(n);
    List<QuerySet> sets = new ArrayList<>();
    sets.add(new QuerySet("clustered", synthetic.next(settings.queries())));
    if (model.isPresent()) {
      if (model.get().dimension() != dim) {
        throw new IllegalArgumentException("the model's dimension is " + model.get().dimension()
            + ", the benchmark's " + dim + ": pass --dim " + model.get().dimension());
      }
      List<String> prompts = IntStream.range(0, settings.queries())
          .mapToObj(q -> "a photo of thing number " + q + " at sunset").toList();
      sets.add(new QuerySet("text", model.get().embedTexts(prompts).toArray(float[][]::new)));
    }
    log.println("computing exact neighbours");
    log.flush();
    for (QuerySet set : sets) {
      set.truth = exactNeighbours(data, set.vectors, i -> true);
      set.filteredTruth = exactNeighbours(data, set.vectors, i -> i % SyntheticVectors.FOLDERS == FILTER_FOLDER);
    }

    List<FormatResult> results = new ArrayList<>();
    for (VectorFormat format : settings.formats()) {
      results.addAll(runFormat(format, data, sets));
    }
    return results;
  }

  private List<FormatResult> runFormat(VectorFormat format, float[][] data, List<QuerySet> sets)
      throws IOException, InterruptedException {
    Path dir = settings.dir().resolve(format.name().toLowerCase(java.util.Locale.ROOT));
    VectorSpace space = new VectorSpace("bench-synthetic-" + settings.seed(), settings.dim());
    List<FormatResult> results = new ArrayList<>();
    try (VectorIndex index = VectorIndex.open(dir, space, format)) {
      log.printf("%s: indexing into %s%n", format, dir);
      log.flush();
      long t0 = System.nanoTime();
      SyntheticVectors.index(index, data, settings.threads());
      index.commit();
      long buildMillis = (System.nanoTime() - t0) / 1_000_000;
      log.printf("%s: built in %.1f s, force-merging%n", format, buildMillis / 1000.0);
      log.flush();
      t0 = System.nanoTime();
      index.forceMerge(1);
      long mergeMillis = (System.nanoTime() - t0) / 1_000_000;
      double bytesPerVector = (double) index.stats().bytesOnDisk() / data.length;
      VectorSearch search = new VectorSearch(format, settings.oversample());
      Query filter = FilterQueries.toQuery(
          new SearchFilters(null, null, "/bench/f" + FILTER_FOLDER, null, null, null));
      for (QuerySet set : sets) {
        Measured plain = index.search(s -> measure(s, search, set.vectors, null, set.truth));
        Measured filtered = index.search(s -> measure(s, search, set.vectors, filter, set.filteredTruth));
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
        FormatResult r = new FormatResult(format.name().toLowerCase(java.util.Locale.ROOT), set.kind,
            buildMillis, mergeMillis, bytesPerVector, plain.p50, plain.p95, filtered.p50,
            filtered.p95, plain.recall, filtered.recall, heapMb, ProcessMemory.residentBytes() >> 20);
        log.println(r);
        log.flush();
        results.add(r);
      }
    }
    return results;
  }

  private record Measured(double p50, double p95, double recall) {}

  private Measured measure(IndexSearcher s, VectorSearch search, float[][] queries, Query filter,
      int[][] truth) throws IOException {
    StoredFields stored = s.storedFields();
    for (int round = 0; round < WARMUP_ROUNDS; round++) {
      for (float[] q : queries) {
        search.search(s, q, K, filter);
      }
    }
    double[] millis = new double[queries.length];
    double recallSum = 0;
    for (int q = 0; q < queries.length; q++) {
      long t0 = System.nanoTime();
      List<ScoredDoc> hits = search.search(s, queries[q], K, filter);
      millis[q] = (System.nanoTime() - t0) / 1e6;
      Set<Integer> expected = new HashSet<>();
      for (int v : truth[q]) {
        expected.add(v);
      }
      int found = 0;
      for (ScoredDoc h : hits) {
        String id = stored.document(h.doc(), Set.of(IndexFields.ID)).get(IndexFields.ID);
        found += expected.contains(Integer.parseInt(id.substring(1))) ? 1 : 0;
      }
      recallSum += (double) found / Math.min(K, truth[q].length);
    }
    Arrays.sort(millis);
    return new Measured(percentile(millis, 0.50), percentile(millis, 0.95), recallSum / queries.length);
  }

  /** The exact top-K vector indexes per query among those {@code allowed}, in parallel. */
  private int[][] exactNeighbours(float[][] data, float[][] queries, java.util.function.IntPredicate allowed) {
    int[][] truth = new int[queries.length][];
    IntStream.range(0, queries.length).parallel().forEach(q -> {
      int[] best = new int[K];
      float[] bestScore = new float[K];
      Arrays.fill(bestScore, Float.NEGATIVE_INFINITY);
      int count = 0;
      for (int i = 0; i < data.length; i++) {
        if (!allowed.test(i)) {
          continue;
        }
        float score = VectorUtil.dotProduct(queries[q], data[i]);
        if (count < K || score > bestScore[K - 1]) {
          int pos = Math.min(count, K - 1);
          while (pos > 0 && bestScore[pos - 1] < score) {
            bestScore[pos] = bestScore[pos - 1];
            best[pos] = best[pos - 1];
            pos--;
          }
          bestScore[pos] = score;
          best[pos] = i;
          count = Math.min(K, count + 1);
        }
      }
      truth[q] = Arrays.copyOf(best, count);
    });
    return truth;
  }

  private static double percentile(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static final class QuerySet {
    final String kind;
    final float[][] vectors;
    int[][] truth;
    int[][] filteredTruth;

    QuerySet(String kind, float[][] vectors) {
      this.kind = kind;
      this.vectors = vectors;
    }
  }
}
