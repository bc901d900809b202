package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.api.security.ReadAccess;
import io.clipsearch.api.security.TokenFile;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may read, over real HTTP, by where the server is bound: this machine's own non-loopback
 * address (else all addresses, 0.0.0.0), where every {@code /api} read needs the full or the
 * read-only token and the read-only token may change nothing; the same with reads opened
 * explicitly; and loopback, where nothing changed (reads open, changes need the full token).
 */
class NetworkAccessServerTest {

  static final String FULL = "full-token-for-tests";
  static final String READ = "read-only-token-for-tests";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void offLoopbackEveryReadNeedsATokenAndTheReadOnlyTokenChangesNothing() throws Exception {
    Path photos = photos(2);
    try (ApplicationContext context =
        start(networkAddress(), Map.of("clipsearch.auth.read-token", READ))) {
      Api api = new Api(context);
      assertTrue(
          context.getBean(ReadAccess.class).needsToken(),
          context.getBean(ReadAccess.class).reason());
      assertEquals(
          201,
          api.send(
                  "POST",
                  "/api/collections",
                  "{\"name\":\"family\",\"roots\":[\"" + photos + "\"]}",
                  FULL)
              .statusCode());
      HttpResponse<String> job = api.send("POST", "/api/collections/family/jobs", null, FULL);
      assertEquals(202, job.statusCode(), job.body());
      api.awaitJob(JSON.readTree(job.body()).get("id").asText());
      JsonNode hits =
          JSON.readTree(api.get("/api/search?collection=family&q=photo&cutoff=false", READ).body())
              .get("hits");
      assertEquals(2, hits.size(), hits.toString());
      String id = hits.get(0).get("id").asText();

      List<String> reads =
          List.of(
              "/api/search?collection=family&q=photo",
              "/api/collections",
              "/api/model",
              "/api/images/" + id + "?collection=family",
              "/api/images/" + id + "/thumbnail?collection=family",
              "/api/images/" + id + "/info?collection=family",
              "/api/collections/family/places",
              "/api/jobs");
      for (String read : reads) {
        HttpResponse<String> anonymous = api.get(read, null);
        assertEquals(401, anonymous.statusCode(), read);
        assertEquals("Bearer", anonymous.headers().firstValue("WWW-Authenticate").orElse(""), read);
        assertTrue(
            anonymous.body().contains("\"status\":401") && !anonymous.body().contains("family"),
            anonymous.body());
        assertEquals(401, api.get(read, "wrong-token").statusCode(), read);
        assertEquals(200, api.get(read, READ).statusCode(), read);
        assertEquals(200, api.get(read, FULL).statusCode(), read);
      }
      assertEquals(
          401,
          api.send("POST", "/api/search", "{\"q\":\"photo\",\"collection\":\"family\"}", null)
              .statusCode());
      // spellings of a path that could route to /api without matching the filter's pattern
      for (String odd :
          List.of(
              "//api/collections",
              "/./api/collections",
              "/x/../api/collections",
              "/%61pi/collections",
              "/API/collections",
              "/api/collections/",
              "/api;x/collections",
              "/api/collections;x")) {
        HttpResponse<String> r = api.get(odd, null);
        assertNotEquals(200, r.statusCode(), odd + ": " + r.body());
        assertFalse(r.body().contains("family"), odd + ": " + r.body());
      }

      HttpResponse<String> delete = api.send("DELETE", "/api/collections/family", null, READ);
      assertEquals(403, delete.statusCode(), delete.body());
      assertTrue(delete.body().contains("only search and view"), delete.body());
      assertEquals(403, api.send("POST", "/api/collections/family/jobs", null, READ).statusCode());
      assertEquals(
          403,
          api.send(
                  "POST",
                  "/api/collections",
                  "{\"name\":\"other\",\"roots\":[\"" + photos + "\"]}",
                  READ)
              .statusCode());
      assertEquals(401, api.send("DELETE", "/api/collections/family", null, null).statusCode());
      assertEquals(
          2,
          JSON.readTree(api.get("/api/collections/family", READ).body()).get("documents").asInt(),
          "the read-only token deleted nothing");

      // health and metrics stay open, and name no photo, folder or collection
      assertEquals(200, api.get("/health", null).statusCode());
      HttpResponse<String> prometheus = api.get("/prometheus", null);
      assertEquals(200, prometheus.statusCode());
      assertTrue(prometheus.body().contains("clipsearch_index_documents 2.0"), prometheus.body());
      for (String open :
          List.of(
              "/prometheus",
              "/metrics",
              "/metrics/clipsearch.index.documents",
              "/metrics/http.server.requests")) {
        HttpResponse<String> metrics = api.get(open, null);
        assertEquals(200, metrics.statusCode(), open);
        for (String secret :
            List.of("family", photos.toString(), hits.get(0).get("path").asText(), id)) {
          assertFalse(metrics.body().contains(secret), open + " names " + secret);
        }
      }
    }
  }

  @Test
  void readsOpenedExplicitlyOffLoopbackNeedNoTokenButChangesStillDo() throws Exception {
    try (ApplicationContext context =
        start("0.0.0.0", Map.of("clipsearch.auth.protect-reads", "false"))) {
      Api api = new Api(context);
      assertEquals(200, api.get("/api/collections", null).statusCode());
      assertEquals(
          401,
          api.send(
                  "POST", "/api/collections", "{\"name\":\"x\",\"roots\":[\"" + temp + "\"]}", null)
              .statusCode());
    }
  }

  @Test
  void onLoopbackReadsStayOpenAndChangesNeedTheFullToken() throws Exception {
    try (ApplicationContext context =
        start("127.0.0.1", Map.of("clipsearch.auth.read-token", READ))) {
      Api api = new Api(context);
      assertFalse(context.getBean(ReadAccess.class).needsToken());
      assertEquals(200, api.get("/api/collections", null).statusCode());
      assertEquals(200, api.get("/api/model", null).statusCode());
      String create = "{\"name\":\"x\",\"roots\":[\"" + photos(1) + "\"]}";
      assertEquals(401, api.send("POST", "/api/collections", create, null).statusCode());
      assertEquals(403, api.send("POST", "/api/collections", create, READ).statusCode());
      assertEquals(201, api.send("POST", "/api/collections", create, FULL).statusCode());
    }
    try (ApplicationContext context =
        start("127.0.0.1", Map.of("clipsearch.auth.protect-reads", "true"))) {
      assertEquals(
          401, new Api(context).get("/api/collections", null).statusCode(), "protected on request");
    }
  }

  @Test
  void aGeneratedTokenIsKeptAcrossRestarts() throws Exception {
    Map<String, String> generated = Map.of("clipsearch.auth.token", "");
    String token;
    try (ApplicationContext context = start("0.0.0.0", generated)) {
      token = TokenFile.in(temp.resolve("data"), TokenFile.FULL).read().orElseThrow();
      assertEquals(200, new Api(context).get("/api/collections", token).statusCode());
    }
    try (ApplicationContext context = start("0.0.0.0", generated)) {
      assertEquals(
          200,
          new Api(context).get("/api/collections", token).statusCode(),
          "the same token after a restart");
    }
    String rotated = TokenFile.in(temp.resolve("data"), TokenFile.FULL).rotate();
    assertNotEquals(token, rotated);
    try (ApplicationContext context = start("0.0.0.0", generated)) {
      Api api = new Api(context);
      assertEquals(
          401, api.get("/api/collections", token).statusCode(), "the old token after rotation");
      assertEquals(200, api.get("/api/collections", rotated).statusCode());
    }
  }

  /**
   * The server on {@code host} with the full token {@link #FULL}, tiny-clip and {@code extra}
   * settings.
   */
  private ApplicationContext start(String host, Map<String, String> extra) {
    Map<String, Object> properties =
        new HashMap<>(
            Map.of(
                "micronaut.server.host",
                host,
                "micronaut.server.port",
                -1,
                "clipsearch.model.dir",
                SharedFixtures.tinyClip().toString(),
                "clipsearch.data.dir",
                temp.resolve("data").toString(),
                "clipsearch.auth.token",
                FULL));
    properties.putAll(extra);
    return ApplicationContext.run(EmbeddedServer.class, properties, "test").getApplicationContext();
  }

  private Path photos(int count) throws IOException {
    Path folder = Files.createDirectories(temp.resolve("photos-" + count));
    List<Path> jpegs = SharedFixtures.sampleJpegs();
    for (int i = 0; i < count; i++) {
      Files.copy(jpegs.get(i), folder.resolve(jpegs.get(i).getFileName()));
    }
    return folder;
  }

  /** This machine's first non-loopback IPv4 address that is up, else 0.0.0.0 (all addresses). */
  private static String networkAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(NetworkAccessServerTest::usable)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .map(InetAddress::getHostAddress)
        .findFirst()
        .orElse("0.0.0.0");
  }

  private static boolean usable(NetworkInterface n) {
    try {
      return n.isUp() && !n.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }

  /** Requests to one running server, at the address it is bound to (loopback for 0.0.0.0). */
  private final class Api {
    private final URI base;

    Api(ApplicationContext context) {
      EmbeddedServer server = context.getBean(EmbeddedServer.class);
      String host = context.getProperty("micronaut.server.host", String.class).orElseThrow();
      base =
          URI.create(
              "http://" + ("0.0.0.0".equals(host) ? "127.0.0.1" : host) + ":" + server.getPort());
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
      return send("GET", path, null, token);
    }

    HttpResponse<String> send(String method, String path, String json, String token)
        throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .method(
                  method, // as given, not resolved
                  json == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(json));
      if (json != null) {
        request.header("Content-Type", "application/json");
      }
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    void awaitJob(String id) throws Exception {
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (System.nanoTime() < deadline) {
        JsonNode job = JSON.readTree(get("/api/jobs/" + id, FULL).body());
        if (job.hasNonNull(
            "finished")) { // set once the run is committed and searchable, after phase DONE
          assertEquals("DONE", job.get("status").get("phase").asText(), job.toString());
          return;
        }
        Thread.sleep(100);
      }
      throw new AssertionError("job " + id + " did not finish");
    }
  }
}
