package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.security.TokenFile;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A load run, not a test of timings: the latency of searches and {@code /health} over loopback
 * HTTP, first alone, then while two clients each send 1,000-query search evaluations back to back
 * (the probe's denial of service). Bounded: 3 s of warm-up, {@value #BASELINE_SECONDS} s + {@value
 * #LOAD_SECONDS} s. It prints p50/p95/max per endpoint and phase (and writes them to {@code
 * target/heavy-requests-bench.txt}); it asserts only that every answer was a 200 (or, for a heavy
 * request, a 503). Not run by default (no {@code Test} suffix): {@code
 * -Dtest=HeavyRequestsLoadBench}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeavyRequestsLoadBench implements TestPropertyProvider {

  static final int BASELINE_SECONDS = 8;
  static final int LOAD_SECONDS = 30;

  @Inject EmbeddedServer server;

  Path photos;
  Path data;

  @Override
  public Map<String, String> getProperties() {
    try {
      Path root = Files.createTempDirectory("clipsearch-heavy-bench");
      photos = Files.createDirectories(root.resolve("photos"));
      data = root.resolve("data");
      SharedFixtures.copySampleJpegs(photos, 20);
      return SharedFixtures.tinyClipServer(data, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void searchesAndHealthWhileTwoHeavyRequestsRun() throws Exception {
    RawHttp http = new RawHttp(server.getPort());
    String auth = "Authorization: Bearer " + Files.readString(data.resolve(TokenFile.FULL)).strip();
    RawHttpCollections.createAndIndex(http, auth, "photos", photos);
    byte[] eval = HeavyRequestsServerTest.searchEval("photos", 1000);

    sample(http, "warm-up", Duration.ofSeconds(3)); // JIT and caches: not reported
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "%-9s %-7s %6s %8s %8s %8s", "phase", "request", "n", "p50 ms", "p95 ms", "max ms"));
    lines.addAll(sample(http, "alone", Duration.ofSeconds(BASELINE_SECONDS)));

    AtomicBoolean stop = new AtomicBoolean();
    Map<Integer, List<Long>> heavy = new ConcurrentHashMap<>();
    List<Thread> evaluators = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      evaluators.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (!stop.get()) {
                      long t0 = System.nanoTime();
                      RawHttp.Response r =
                          http.send("POST", "/api/lab/search-eval", "application/json", eval);
                      heavy
                          .computeIfAbsent(
                              r.status(), s -> Collections.synchronizedList(new ArrayList<>()))
                          .add((System.nanoTime() - t0) / 1_000_000);
                    }
                  }));
    }
    Thread.sleep(500); // both evaluations under way
    lines.addAll(sample(http, "2 heavy", Duration.ofSeconds(LOAD_SECONDS)));
    stop.set(true);
    for (Thread t : evaluators) {
      t.join();
    }
    heavy.forEach(
        (status, millis) ->
            lines.add(
                String.format(
                    "%-9s %-7s %6d %8d %8d %8d",
                    "2 heavy",
                    "eval " + status,
                    millis.size(),
                    percentile(millis, 50),
                    percentile(millis, 95),
                    percentile(millis, 100))));

    String table = String.join("\n", lines);
    System.out.println(table);
    Files.writeString(Path.of("target", "heavy-requests-bench.txt"), table + "\n");
    assertTrue(
        heavy.keySet().stream().allMatch(s -> s == 200 || s == 503), heavy.keySet().toString());
  }

  /**
   * Sequential searches (a new query each time: no cached prompt) and health checks, for a while.
   */
  private static List<String> sample(RawHttp http, String phase, Duration length) {
    List<Long> search = new ArrayList<>();
    List<Long> health = new ArrayList<>();
    long end = System.nanoTime() + length.toNanos();
    for (int i = 0; System.nanoTime() < end; i++) {
      long t0 = System.nanoTime();
      RawHttp.Response s =
          http.get("/api/search?collection=photos&limit=10&q=a+picture+" + phase.charAt(0) + i);
      long t1 = System.nanoTime();
      RawHttp.Response h = http.get("/health");
      long t2 = System.nanoTime();
      assertEquals(200, s.status(), s.body());
      assertEquals(200, h.status(), h.body());
      search.add((t1 - t0) / 1_000_000);
      health.add((t2 - t1) / 1_000_000);
    }
    return List.of(row(phase, "search", search), row(phase, "health", health));
  }

  private static String row(String phase, String request, List<Long> millis) {
    return String.format(
        "%-9s %-7s %6d %8d %8d %8d",
        phase,
        request,
        millis.size(),
        percentile(millis, 50),
        percentile(millis, 95),
        percentile(millis, 100));
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.isEmpty()
        ? -1
        : sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
