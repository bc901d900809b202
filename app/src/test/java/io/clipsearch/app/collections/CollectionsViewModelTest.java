package io.clipsearch.app.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.clipsearch.app.net.ClipsearchClient;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Starting and cancelling a job over real HTTP against a stand-in for the server's job endpoints (a
 * JDK HTTP server answering as {@code docs/API.md} says), the view model's workers run by hand.
 */
class CollectionsViewModelTest {

  static final String CANCELLED =
      """
      {"id":"j1","collection":"default","started":"2026-01-01T00:00:00Z","finished":"2026-01-01T00:00:01Z",
       "status":{"phase":"CANCELLED","seen":0,"total":10,"embedded":0,"unchanged":0,"moved":0,"copied":0,
       "deleted":0,"failed":0,"filesPerSecond":0}}""";

  final List<String> requests = new CopyOnWriteArrayList<>();
  final HttpServer server;
  final Deque<Runnable> workers = new ArrayDeque<>();
  final CollectionsViewModel vm;

  CollectionsViewModelTest() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
    vm =
        new CollectionsViewModel(
            new ClipsearchClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "token"),
            new BackgroundTasks(workers::add, Runnable::run));
  }

  private void answer(HttpExchange exchange) throws IOException {
    String request = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
    requests.add(request);
    String body =
        switch (request) {
          case "GET /api/collections" -> "[]";
          case "GET /api/jobs/j1/events" -> ""; // the job has ended: the stream closes at once
          case "DELETE /api/jobs/j1" -> null;
          default -> CANCELLED; // POST /api/collections/default/jobs, GET /api/jobs/j1
        };
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .add(
            "Content-Type", request.endsWith("/events") ? "text/event-stream" : "application/json");
    exchange.sendResponseHeaders(body == null ? 204 : 200, body == null ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  void runWorkers() {
    while (!workers.isEmpty()) {
      workers.poll().run();
    }
  }

  @Test
  void cancelWhileTheJobIsStartingCancelsItOnceItExists() {
    vm.startIndexing("default");
    assertTrue(vm.starting());
    AtomicBoolean ended = new AtomicBoolean();
    vm.cancel(() -> ended.set(true));
    assertEquals("Cancelling…", vm.message());
    assertFalse(ended.get(), "the job has not ended: it does not exist yet");
    runWorkers();
    assertTrue(
        requests.contains("DELETE /api/jobs/j1"), "cancelled as soon as it exists: " + requests);
    assertTrue(ended.get(), "told when the job has ended");
    assertNull(vm.jobId());
  }
}
