package io.clipsearch.bench;

import io.clipsearch.api.QueryWarmer;
import io.clipsearch.collection.CollectionConfig;
import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.model.ModelFolder;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Search latency as a client sees it: a collection of synthetic vectors in a real model's space,
 * the real server started in-process, and {@code GET /api/search} over loopback HTTP with text
 * queries (so each query runs the model's text tower, the kNN search, BM25, fusion and the cutoff).
 * Figures, not assertions. Not thread-safe.
 */
public final class HttpSearchBenchmark {

  /** Vectors generated and indexed per step: bounds the heap at 1M vectors. */
  static final int CHUNK = 50_000;

  static final long SEED = 42;
  static final int WARMUP_QUERIES = 20;
  static final int K = 10;
  private static final String TOKEN = "bench";

  /**
   * The figures of one run.
   *
   * @param vectors documents in the collection
   * @param format vector format
   * @param bytesPerVector index size on disk per document
   * @param buildSeconds indexing and merging time (0 when the collection was already there)
   * @param p50Millis median end-to-end latency of one search, one client
   * @param p95Millis 95th percentile
   * @param p99Millis 99th percentile
   * @param qps searches per second with {@code concurrency} clients
   * @param concurrency clients for the throughput figure
   * @param rssMb resident memory of the process (server and client) after the queries
   * @param duringIngest search latency while an index job imported photos, when asked for
   */
  public record Result(
      int vectors,
      String format,
      double bytesPerVector,
      double buildSeconds,
      double p50Millis,
      double p95Millis,
      double p99Millis,
      double qps,
      int concurrency,
      long rssMb,
      Optional<SearchDuringIngest.Result> duringIngest) {}

  private final PrintWriter log;

  public HttpSearchBenchmark(PrintWriter log) {
    this.log = log;
  }

  /**
   * Builds the collection if needed, serves it, and times searches; then, when {@code ingest} is
   * given, times searches again while a real index job imports the photos under it (see {@link
   * SearchDuringIngest}).
   *
   * @throws IOException if the model folder or the index cannot be read or written
   * @throws InterruptedException if interrupted
   */
  public Result run(
      Path modelDir,
      Path dataDir,
      int vectors,
      VectorFormat format,
      int queries,
      int concurrency,
      Optional<Path> ingest)
      throws IOException, InterruptedException {
    ModelFolder model = ModelFolder.open(modelDir);
    String name = "bench-" + vectors + "-" + format.name().toLowerCase(Locale.ROOT);
    CollectionLayout layout = new CollectionLayout(dataDir, name);
    VectorSpace space = new VectorSpace(model.id(), model.config().embedDim());
    double buildSeconds = build(layout, space, vectors, format);
    double bytesPerVector;
    try (VectorIndex index = VectorIndex.open(layout.indexDir(model.id()), space, format)) {
      bytesPerVector = (double) index.stats().bytesOnDisk() / vectors;
    }
    Map<String, Object> properties =
        Map.of(
            "micronaut.server.port",
            -1,
            "clipsearch.model.dir",
            modelDir.toAbsolutePath().toString(),
            "clipsearch.data.dir",
            dataDir.toAbsolutePath().toString(),
            "clipsearch.auth.token",
            TOKEN);
    try (ApplicationContext context =
        Micronaut.build(new String[0]).banner(false).properties(properties).start()) {
      URI base = context.getBean(EmbeddedServer.class).getURI();
      HttpClient http = HttpClient.newHttpClient();
      for (int q = 0; q < WARMUP_QUERIES; q++) {
        search(http, base, name, q);
      }
      awaitWarmUp(context.getBean(QueryWarmer.class), name);
      log.printf("%s: timing %d searches over HTTP%n", name, queries);
      log.flush();
      double[] millis = new double[queries];
      for (int q = 0; q < queries; q++) {
        long t0 = System.nanoTime();
        search(http, base, name, WARMUP_QUERIES + q);
        millis[q] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(millis);
      double qps = throughput(http, base, name, queries, concurrency);
      long rssMb = ProcessMemory.residentBytes() >> 20;
      Optional<SearchDuringIngest.Result> duringIngest = Optional.empty();
      if (ingest.isPresent()) {
        duringIngest =
            Optional.of(
                new SearchDuringIngest(http, base, TOKEN, context.getBean(JsonMapper.class), log)
                    .measure(
                        name,
                        format.name().toLowerCase(Locale.ROOT),
                        ingest.get(),
                        q -> search(http, base, name, q)));
      }
      return new Result(
          vectors,
          format.name().toLowerCase(Locale.ROOT),
          bytesPerVector,
          buildSeconds,
          ModelBenchmark.percentile(millis, 0.50),
          ModelBenchmark.percentile(millis, 0.95),
          ModelBenchmark.percentile(millis, 0.99),
          qps,
          concurrency,
          rssMb,
          duringIngest);
    }
  }

  /** Indexes {@code vectors} synthetic documents unless the collection already holds them. */
  private double build(CollectionLayout layout, VectorSpace space, int vectors, VectorFormat format)
      throws IOException, InterruptedException {
    new CollectionConfig(layout.name(), List.of(Path.of("/bench")), format)
        .write(layout.configFile());
    try (VectorIndex index = VectorIndex.open(layout.indexDir(space.modelId()), space, format)) {
      if (index.count() == vectors) {
        log.printf("%s: reusing the %,d documents already indexed%n", layout.name(), vectors);
        return 0;
      }
      long t0 = System.nanoTime();
      SyntheticVectors synthetic =
          new SyntheticVectors(space.dimension(), SyntheticVectors.clustersFor(vectors), SEED);
      int threads = Runtime.getRuntime().availableProcessors();
      for (int first = 0; first < vectors; first += CHUNK) {
        SyntheticVectors.index(
            index, synthetic.next(Math.min(CHUNK, vectors - first)), first, threads);
        log.printf(
            "%s: %,d / %,d indexed%n", layout.name(), Math.min(vectors, first + CHUNK), vectors);
        log.flush();
      }
      index.commit();
      index.forceMerge(1);
      return (System.nanoTime() - t0) / 1e9;
    }
  }

  /** Timed searches start once the server has warmed its query road, as it does after a start. */
  private static void awaitWarmUp(QueryWarmer warmer, String collection)
      throws IOException, InterruptedException {
    try {
      warmer
          .warming(collection)
          .orElseThrow(() -> new IOException("the server never opened " + collection))
          .get(5, TimeUnit.MINUTES);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("the server's warm-up of " + collection + " did not end", e);
    }
  }

  private static void search(HttpClient http, URI base, String collection, int q)
      throws IOException, InterruptedException {
    String query =
        URLEncoder.encode("a photo of thing number " + q + " at sunset", StandardCharsets.UTF_8);
    URI uri = base.resolve("/api/search?collection=" + collection + "&limit=" + K + "&q=" + query);
    HttpResponse<String> response =
        http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("search failed with " + response.statusCode() + ": " + response.body());
    }
  }

  private static double throughput(
      HttpClient http, URI base, String collection, int queries, int concurrency)
      throws InterruptedException, IOException {
    ExecutorService clients = Executors.newFixedThreadPool(concurrency);
    try {
      long t0 = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < concurrency; c++) {
        int client = c;
        running.add(
            clients.submit(
                () -> {
                  for (int q = client; q < queries; q += concurrency) {
                    search(http, base, collection, 10_000 + q);
                  }
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      return queries / ((System.nanoTime() - t0) / 1e9);
    } catch (ExecutionException e) {
      throw new IOException("a client failed", e.getCause());
    } finally {
      clients.shutdown();
    }
  }
}
