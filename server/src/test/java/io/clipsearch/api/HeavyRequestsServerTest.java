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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Heavy requests (evaluations, clusters, map, duplicates) queue on their own bounded executor
 * ({@link HeavyRequests}): beyond its threads and queue they are refused at once with a 503, over
 * real HTTP, while a search is still answered. Before, every one was accepted onto the virtual
 * threads searches run on. No timing is asserted: {@link HeavyRequestsLoadBench} measures.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeavyRequestsServerTest implements TestPropertyProvider {

  @Inject EmbeddedServer server;

  Path photos;
  Path data;

  @Override
  public Map<String, String> getProperties() {
    try {
      Path root = Files.createTempDirectory("clipsearch-heavy");
      photos = Files.createDirectories(root.resolve("photos"));
      data = root.resolve("data");
      SharedFixtures.copySampleJpegs(photos, 4);
      return SharedFixtures.tinyClipServer(data, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A search evaluation of {@code n} judged queries: seconds of CPU on the tiny model. */
  static byte[] searchEval(String collection, int n) {
    String queries =
        IntStream.range(0, n)
            .mapToObj(i -> "{\"query\":\"a photo number " + i + "\",\"relevant\":[\"x\"]}")
            .collect(Collectors.joining(","));
    return ("{\"collection\":\"" + collection + "\",\"queries\":[" + queries + "]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void heavyRequestsBeyondTheQueueAre503AtOnceAndASearchIsStillServed() throws Exception {
    RawHttp http = new RawHttp(server.getPort());
    String auth = "Authorization: Bearer " + Files.readString(data.resolve(TokenFile.FULL)).strip();
    RawHttpCollections.createAndIndex(http, auth, "photos", photos);
    int capacity =
        Math.max(1, Runtime.getRuntime().availableProcessors() / 2) + HeavyRequests.QUEUE;
    byte[] eval = searchEval("photos", 200); // long enough that the rest arrive while the first run

    ExecutorService clients = Executors.newFixedThreadPool(capacity + 4);
    try {
      List<Future<RawHttp.Response>> sent = new ArrayList<>();
      for (int i = 0; i < capacity + 4; i++) {
        sent.add(
            clients.submit(
                () -> http.send("POST", "/api/lab/search-eval", "application/json", eval)));
      }
      assertEquals(200, http.get("/api/search?collection=photos&q=photo").status());
      List<RawHttp.Response> answers = new ArrayList<>();
      for (Future<RawHttp.Response> f : sent) {
        answers.add(f.get());
      }
      List<RawHttp.Response> busy = answers.stream().filter(r -> r.status() == 503).toList();
      assertTrue(busy.size() >= 1, "none of " + answers.size() + " was refused");
      assertTrue(busy.getFirst().body().contains("try again later"), busy.getFirst().body());
      assertEquals(
          answers.size(),
          busy.size() + answers.stream().filter(r -> r.status() == 200).count(),
          answers.stream().map(r -> r.status() + " " + r.body()).toList().toString());
    } finally {
      clients.shutdownNow();
    }
  }
}
