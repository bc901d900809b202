package io.clipsearch.bench;

import io.clipsearch.api.types.JobInfo;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Search latency while the server indexes new photos, as a photographer meets it importing a card
 * into a large collection: a real index job over HTTP ({@code POST …/jobs}: scan, decode, embed
 * with the served model, thumbnails, commits, merges) runs on a folder added to the collection, and
 * one client searches back to back until the job ends. The folder is removed again afterwards
 * ({@code DELETE …/roots}), so the collection is as it was. Figures, not assertions. Not
 * thread-safe.
 */
public final class SearchDuringIngest {

  /** The terminal phases of an index job. */
  private static final Set<String> ENDED = Set.of("DONE", "CANCELLED", "FAILED");

  /** Job status is polled after this many searches (a poll is one cheap GET). */
  private static final int POLL_EVERY = 5;

  /**
   * The figures of one import.
   *
   * @param images photos embedded by the job
   * @param jobSeconds the job's wall time, from its start to its end
   * @param imagesPerSecond embedded photos per second while searches ran
   * @param searches searches timed while the job ran
   * @param p50Millis median end-to-end latency of one search during the job
   * @param p95Millis 95th percentile
   * @param p99Millis 99th percentile
   * @param removeSeconds time to remove the folder's photos from the index again
   */
  public record Result(
      long images,
      double jobSeconds,
      double imagesPerSecond,
      int searches,
      double p50Millis,
      double p95Millis,
      double p99Millis,
      double removeSeconds) {}

  /** Runs one search; {@code q} varies the query text. */
  interface Search {
    void run(int q) throws IOException, InterruptedException;
  }

  private final HttpClient http;
  private final URI base;
  private final String token;
  private final JsonMapper json;
  private final PrintWriter log;

  SearchDuringIngest(HttpClient http, URI base, String token, JsonMapper json, PrintWriter log) {
    this.http = http;
    this.base = base;
    this.token = token;
    this.json = json;
    this.log = log;
  }

  /**
   * Adds {@code photos} to {@code collection} (of vector format {@code format}), indexes it while
   * timing {@code search}, and removes it again.
   *
   * @throws IOException if a request fails or the job does not end in DONE
   */
  Result measure(String collection, String format, Path photos, Search search)
      throws IOException, InterruptedException {
    String root = photos.toAbsolutePath().toString();
    send(
        HttpRequest.newBuilder(base.resolve("/api/collections"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"name\":"
                        + quoted(collection)
                        + ",\"roots\":["
                        + quoted(root)
                        + "],\"vectorFormat\":"
                        + quoted(format)
                        + "}")),
        201);
    JobInfo job =
        json.readValue(
            send(
                HttpRequest.newBuilder(base.resolve("/api/collections/" + collection + "/jobs"))
                    .POST(HttpRequest.BodyPublishers.noBody()),
                202),
            JobInfo.class);
    log.printf("%s: indexing %s (job %s) while searching%n", collection, root, job.id());
    log.flush();
    double[] millis = new double[1 << 16];
    int searches = 0;
    while (!ENDED.contains(job.status().phase())) {
      for (int i = 0; i < POLL_EVERY && searches < millis.length; i++, searches++) {
        long t0 = System.nanoTime();
        search.run(50_000 + searches);
        millis[searches] = (System.nanoTime() - t0) / 1e6;
      }
      job =
          json.readValue(
              send(HttpRequest.newBuilder(base.resolve("/api/jobs/" + job.id())).GET(), 200),
              JobInfo.class);
    }
    if (!"DONE".equals(job.status().phase())) {
      throw new IOException("the index job ended " + job.status().phase() + ": " + job.error());
    }
    double jobSeconds = (job.finished().toEpochMilli() - job.started().toEpochMilli()) / 1e3;
    long t0 = System.nanoTime();
    send(
        HttpRequest.newBuilder(
                base.resolve(
                    "/api/collections/"
                        + collection
                        + "/roots?path="
                        + URLEncoder.encode(root, StandardCharsets.UTF_8)))
            .DELETE(),
        200);
    double removeSeconds = (System.nanoTime() - t0) / 1e9;
    double[] sorted = Arrays.copyOf(millis, searches);
    Arrays.sort(sorted);
    long images = job.status().embedded();
    return new Result(
        images,
        jobSeconds,
        images / jobSeconds,
        searches,
        ModelBenchmark.percentile(sorted, 0.50),
        ModelBenchmark.percentile(sorted, 0.95),
        ModelBenchmark.percentile(sorted, 0.99),
        removeSeconds);
  }

  private byte[] send(HttpRequest.Builder request, int expected)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        http.send(
            request.header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != expected) {
      throw new IOException(
          response.request().method()
              + " "
              + response.request().uri()
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body();
  }

  private String quoted(String s) throws IOException {
    return new String(json.writeValueAsBytes(s), StandardCharsets.UTF_8);
  }
}
