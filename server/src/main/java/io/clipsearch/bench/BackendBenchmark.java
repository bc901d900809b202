package io.clipsearch.bench;

import io.clipsearch.index.ImageIndex;
import io.clipsearch.search.ScoredImage;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures one {@link SearchBackend} on synthetic vectors: ingest rate, kNN latency (k = 10, one
 * client), throughput (several clients) and overlap of its results with a reference backend's. The
 * same queries go to every backend measured, so their figures compare.
 */
public final class BackendBenchmark {

  static final int K = 10;

  /**
   * Figures of one backend.
   *
   * @param ingestPerSecond documents upserted and committed per second
   * @param p50Millis median kNN latency, one client
   * @param p95Millis 95th percentile kNN latency, one client
   * @param qps queries per second with {@code clients} clients
   * @param overlapAt10 mean share of the reference's top 10 also in this backend's top 10
   */
  public record Figures(
      double ingestPerSecond, double p50Millis, double p95Millis, double qps, double overlapAt10) {}

  private final float[][] queries;
  private final int clients;

  /**
   * @param queries unit query vectors, timed in order
   * @param clients concurrent clients for the throughput run
   */
  public BackendBenchmark(float[][] queries, int clients) {
    this.queries = queries.clone();
    this.clients = clients;
  }

  /**
   * Upserts {@code data} with {@code threads} threads and commits; returns documents per second.
   */
  public static double ingest(ImageIndex index, float[][] data, int threads)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    SyntheticVectors.index(index, data, threads);
    index.commit();
    return data.length / ((System.nanoTime() - start) / 1e9);
  }

  /** Every query's top-10 paths, in query order. */
  public List<List<Path>> answers(SearchBackend backend) throws IOException {
    List<List<Path>> out = new ArrayList<>();
    for (float[] q : queries) {
      out.add(nearest(backend, q).stream().map(ScoredImage::path).toList());
    }
    return out;
  }

  /**
   * Times the backend's queries (a warm-up pass first) and compares its answers with {@code
   * reference} (the embedded backend's; itself for the reference).
   */
  public Figures measure(SearchBackend backend, double ingestPerSecond, List<List<Path>> reference)
      throws IOException, InterruptedException {
    answers(backend); // warm-up
    double[] millis = new double[queries.length];
    double overlap = 0;
    for (int i = 0; i < queries.length; i++) {
      long t = System.nanoTime();
      List<ScoredImage> hits = nearest(backend, queries[i]);
      millis[i] = (System.nanoTime() - t) / 1e6;
      Set<Path> got = new HashSet<>(hits.stream().map(ScoredImage::path).toList());
      overlap += reference.get(i).stream().filter(got::contains).count() / (double) K;
    }
    Arrays.sort(millis);
    return new Figures(
        ingestPerSecond,
        millis[millis.length / 2],
        millis[(int) (millis.length * 0.95)],
        throughput(backend),
        overlap / queries.length);
  }

  /** The top {@link #K} of one query, in a session of its own (as one served query has). */
  private static List<ScoredImage> nearest(SearchBackend backend, float[] query)
      throws IOException {
    try (SearchSession session = backend.session()) {
      return session.nearest(query, K, SearchFilters.NONE);
    }
  }

  private double throughput(SearchBackend backend) throws InterruptedException, IOException {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger next = new AtomicInteger();
    int total = queries.length * 2;
    long start = System.nanoTime();
    try {
      List<Future<Object>> parts = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        parts.add(
            pool.submit(
                () -> {
                  for (int i; (i = next.getAndIncrement()) < total; ) {
                    nearest(backend, queries[i % queries.length]);
                  }
                  return null;
                }));
      }
      for (Future<Object> f : parts) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IOException("query failed", e.getCause());
    } finally {
      pool.shutdown();
    }
    return total / ((System.nanoTime() - start) / 1e9);
  }
}
