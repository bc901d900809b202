package io.clipsearch.bench;

import io.clipsearch.bench.BenchInputs.QuerySet;
import io.clipsearch.index.IndexFields;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.lucene.FilterQueries;
import io.clipsearch.lucene.ScoredDoc;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.lucene.VectorSearch;
import io.clipsearch.search.Modality;
import io.clipsearch.search.SearchFilters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Measures the vector index per {@link VectorFormat} on given {@link BenchInputs}: build and
 * force-merge time, bytes per vector on disk (all of it, and the part a graph search reads),
 * resident memory, and for each query set, with and without a 10% folder filter, each k and each
 * number of concurrent search threads: recall@k of {@link VectorSearch} (re-scored for quantized
 * formats) against the exact neighbours, latency p50/p95/p99 and queries per second.
 *
 * <p>The index is built with several threads, then force-merged to one segment so figures do not
 * depend on how flushes fell. Each measurement is preceded by one untimed pass over its queries
 * (warm-up). Figures, not assertions.
 */
public final class SearchBenchmark {

  static final int FILTER_FOLDER = 3;

  /**
   * @param formats formats measured, each in its own index
   * @param dir parent folder of the per-format indexes
   * @param ks result depths measured (recall@k); the inputs' truth must be at least this deep
   * @param searchThreads concurrent search thread counts measured
   * @param indexThreads indexing threads
   * @param oversamples candidate depths measured: candidates per result wanted (at least {@code
   *     VectorSearch}'s minimum), re-scored for quantized formats
   * @param reuse measure an index already built in {@code dir} from the same vectors instead of
   *     building it (build and merge times are then reported as -1)
   * @param depth results asked of the kNN search per query, when deeper than k: the search service
   *     asks {@code max(offset + limit, 200)} for a page, so a served top 10 comes from a 200-deep
   *     search; recall@k is counted on the first k of them. 0: ask for k
   * @param maxSegments after building, merge down to at most this many segments (rebuilding their
   *     graphs); 0: search the segments as the build left them, as an index job leaves them
   */
  public record Settings(
      List<VectorFormat> formats,
      Path dir,
      List<Integer> ks,
      List<Integer> searchThreads,
      int indexThreads,
      List<Integer> oversamples,
      boolean reuse,
      int depth,
      int maxSegments) {
    public Settings {
      formats = List.copyOf(formats);
      oversamples = List.copyOf(oversamples);
      ks = List.copyOf(ks);
      searchThreads = List.copyOf(searchThreads);
      Objects.requireNonNull(dir, "dir");
      if (formats.isEmpty()
          || ks.isEmpty()
          || searchThreads.isEmpty()
          || oversamples.isEmpty()
          || indexThreads < 1) {
        throw new IllegalArgumentException(
            "need formats, k values, search threads and >= 1" + " indexing thread");
      }
      for (int k : ks) {
        if (k < 1 || k > VectorSearch.MAX_K) {
          throw new IllegalArgumentException("k must be 1-" + VectorSearch.MAX_K + ", got " + k);
        }
      }
      if (depth < 0 || depth > VectorSearch.MAX_K) {
        throw new IllegalArgumentException(
            "depth must be 0-" + VectorSearch.MAX_K + ", got " + depth);
      }
      if (maxSegments < 0) {
        throw new IllegalArgumentException("max segments must be >= 0, got " + maxSegments);
      }
      for (int t : searchThreads) {
        if (t < 1) {
          throw new IllegalArgumentException("search threads must be >= 1, got " + t);
        }
      }
    }

    /** The deepest k: how deep the exact neighbours must go. */
    public int maxK() {
      return ks.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
  }

  /**
   * Figures of one format for one query set, filter, k and search thread count.
   *
   * @param format vector format
   * @param queryKind the query set's name
   * @param filtered whether a folder filter matching 10% of documents applied
   * @param k results counted per query (recall@k)
   * @param depth results asked of the kNN search per query ({@code max(k, Settings.depth)})
   * @param threads concurrent search threads
   * @param oversample candidates fetched per result wanted
   * @param buildMillis adding all documents with several threads, plus a commit
   * @param mergeMillis force-merging to {@code Settings.maxSegments} segments (-1: not merged)
   * @param segments segments searched
   * @param bytesPerVector index size on disk / documents
   * @param searchBytesPerVector the index files a graph search reads (graph, and the quantized
   *     vectors of a quantized format, the float32 ones otherwise) / documents: what must stay in
   *     memory for fast search
   * @param recall mean recall@k vs exact
   * @param p50Millis latency median
   * @param p95Millis latency 95th percentile
   * @param p99Millis latency 99th percentile
   * @param qps queries per second over all threads
   * @param rssMb resident set size of the process after the searches (the raw vectors in the heap
   *     included)
   */
  public record Row(
      String format,
      String queryKind,
      boolean filtered,
      int k,
      int depth,
      int threads,
      int oversample,
      long buildMillis,
      long mergeMillis,
      int segments,
      double bytesPerVector,
      double searchBytesPerVector,
      double recall,
      double p50Millis,
      double p95Millis,
      double p99Millis,
      double qps,
      long rssMb) {}

  private final Settings settings;
  private final PrintWriter log;

  public SearchBenchmark(Settings settings, PrintWriter log) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * Builds an index per format from {@code inputs} and measures it.
   *
   * @throws IllegalArgumentException if a query set's truth is shallower than the deepest k
   */
  public List<Row> run(BenchInputs inputs) throws IOException, InterruptedException {
    for (QuerySet set : inputs.querySets()) {
      for (int[] t : set.truth()) {
        if (t.length < Math.min(settings.maxK(), inputs.data().length)) {
          throw new IllegalArgumentException(
              set.kind()
                  + ": the exact neighbours go "
                  + t.length
                  + " deep, k "
                  + settings.maxK()
                  + " needs more");
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    for (VectorFormat format : settings.formats()) {
      rows.addAll(runFormat(format, inputs));
    }
    return rows;
  }

  private List<Row> runFormat(VectorFormat format, BenchInputs inputs)
      throws IOException, InterruptedException {
    String name = format.name().toLowerCase(Locale.ROOT);
    Path dir = settings.dir().resolve(name);
    float[][] data = inputs.data();
    VectorSpace space = new VectorSpace(inputs.spaceId(), inputs.dimension());
    List<Row> rows = new ArrayList<>();
    try (VectorIndex index = VectorIndex.open(dir, space, format)) {
      long buildMillis = -1;
      long mergeMillis = -1;
      if (settings.reuse() && index.count() == data.length) {
        log.printf("%s: re-using the %,d documents in %s%n", name, data.length, dir);
      } else if (index.count() != 0) {
        throw new IllegalArgumentException(
            dir
                + " already holds an index of "
                + index.count()
                + " documents; give an empty --dir (or --reuse one built from the same vectors)");
      } else {
        log.printf("%s: indexing %,d vectors into %s%n", name, data.length, dir);
        log.flush();
        long t0 = System.nanoTime();
        SyntheticVectors.index(index, data, settings.indexThreads());
        index.commit();
        index.refresh();
        buildMillis = (System.nanoTime() - t0) / 1_000_000;
        log.printf("%s: built in %.1f s%n", name, buildMillis / 1000.0);
        log.flush();
        if (settings.maxSegments() > 0) {
          t0 = System.nanoTime();
          index.forceMerge(settings.maxSegments());
          mergeMillis = (System.nanoTime() - t0) / 1_000_000;
        }
      }
      int segments = index.search(s -> s.getIndexReader().leaves().size());
      double bytesPerVector = (double) index.stats().bytesOnDisk() / data.length;
      double searchBytes = (double) IndexFileSizes.searchBytes(dir, format) / data.length;
      Query filter =
          FilterQueries.toQuery(
              new SearchFilters(null, null, "/bench/f" + FILTER_FOLDER, null, null, null));
      for (QuerySet set : inputs.querySets()) {
        for (boolean filtered : List.of(false, true)) {
          int[][] truth = filtered ? set.filteredTruth() : set.truth();
          for (int k : settings.ks()) {
            int depth = Math.max(k, settings.depth());
            for (int oversample : settings.oversamples()) {
              VectorSearch search = new VectorSearch(format, oversample);
              for (int threads : settings.searchThreads()) {
                Measured m =
                    index.search(
                        s ->
                            measure(
                                s,
                                search,
                                set.vectors(),
                                set.modality(),
                                filtered ? filter : null,
                                k,
                                depth,
                                threads,
                                truth));
                Row r =
                    new Row(
                        name,
                        set.kind(),
                        filtered,
                        k,
                        depth,
                        threads,
                        oversample,
                        buildMillis,
                        mergeMillis,
                        segments,
                        bytesPerVector,
                        searchBytes,
                        m.recall,
                        m.p50,
                        m.p95,
                        m.p99,
                        m.qps,
                        ProcessMemory.residentBytes() >> 20);
                log.println(r);
                log.flush();
                rows.add(r);
              }
            }
          }
        }
      }
    }
    return rows;
  }

  private record Measured(double p50, double p95, double p99, double qps, double recall) {}

  private Measured measure(
      IndexSearcher s,
      VectorSearch search,
      float[][] queries,
      Modality modality,
      Query filter,
      int k,
      int depth,
      int threads,
      int[][] truth)
      throws IOException {
    for (float[] q : queries) {
      search.search(s, q, depth, filter, modality); // warm-up
    }
    double[] millis = new double[queries.length];
    @SuppressWarnings("unchecked")
    List<ScoredDoc>[] hits = new List[queries.length];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long wall0 = System.nanoTime();
    try {
      List<Future<?>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t;
        parts.add(
            pool.submit(
                () -> {
                  for (int q = first; q < queries.length; q += threads) {
                    long t0 = System.nanoTime();
                    hits[q] = search.search(s, queries[q], depth, filter, modality);
                    millis[q] = (System.nanoTime() - t0) / 1e6;
                  }
                  return null;
                }));
      }
      for (Future<?> f : parts) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IOException("search failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      pool.shutdown();
    }
    double qps = queries.length / ((System.nanoTime() - wall0) / 1e9);
    StoredFields stored = s.storedFields();
    double recallSum = 0;
    for (int q = 0; q < queries.length; q++) {
      Set<Integer> expected = new HashSet<>();
      for (int i = 0; i < Math.min(k, truth[q].length); i++) {
        expected.add(truth[q][i]);
      }
      int found = 0;
      for (ScoredDoc h : hits[q].subList(0, Math.min(k, hits[q].size()))) {
        String id = stored.document(h.doc(), Set.of(IndexFields.ID)).get(IndexFields.ID);
        found += expected.contains(Integer.parseInt(id.substring(1))) ? 1 : 0;
      }
      recallSum += expected.isEmpty() ? 1 : (double) found / expected.size();
    }
    Arrays.sort(millis);
    return new Measured(
        percentile(millis, 0.50),
        percentile(millis, 0.95),
        percentile(millis, 0.99),
        qps,
        recallSum / queries.length);
  }

  static double percentile(double[] sorted, double p) {
    return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))];
  }
}
