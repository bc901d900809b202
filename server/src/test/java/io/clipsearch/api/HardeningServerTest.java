package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.api.security.TokenFile;
import io.clipsearch.testing.Await;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a hostile folder, a hostile web page and odd requests do to the server, over real HTTP (a
 * plain socket, so every header is the test's): indexed files swapped for links or overwritten,
 * rebinding host names, foreign origins, overflowing numbers, nulls in lists, long URLs, a 15 MB
 * upload, system folders as roots, GET requests that would change state.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HardeningServerTest implements TestPropertyProvider {

  static final String TOKEN = "hardening-token";
  static final String AUTH = "Authorization: Bearer " + TOKEN;
  static final ObjectMapper JSON = new ObjectMapper();

  @Inject EmbeddedServer server;

  Path root;
  Path photos;
  Path data;

  @Override
  public Map<String, String> getProperties() {
    try {
      root = Files.createTempDirectory("clipsearch-hardening");
      photos = Files.createDirectories(root.resolve("photos"));
      data = root.resolve("data");
      SharedFixtures.copySampleJpegs(photos, 4);
      return SharedFixtures.tinyClipServer(data, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RawHttp http() {
    return new RawHttp(server.getPort());
  }

  String token() throws IOException {
    return Files.readString(data.resolve(TokenFile.FULL)).strip();
  }

  @Test
  @Order(1)
  void theTokenFileIsWrittenAtStartBeforeAnyRequest() {
    assertTrue(Files.isRegularFile(data.resolve(TokenFile.FULL)));
  }

  @Test
  @Order(2)
  void anIndexedImageReplacedByALinkOrOverwrittenIsNotServed() throws Exception {
    String auth = "Authorization: Bearer " + token();
    byte[] create =
        ("{\"name\":\"photos\",\"roots\":[\"" + photos + "\"]}").getBytes(StandardCharsets.UTF_8);
    assertEquals(
        201, http().send("POST", "/api/collections", "application/json", create, auth).status());
    RawHttp.Response job =
        http().send("POST", "/api/collections/photos/jobs", "application/json", new byte[0], auth);
    assertEquals(202, job.status(), job.body());
    awaitJob(JSON.readTree(job.body()).get("id").asText());
    JsonNode hits =
        JSON.readTree(
                http().get("/api/search?collection=photos&q=photo&cutoff=false&limit=10").body())
            .get("hits");
    assertEquals(4, hits.size(), hits.toString());

    String linked = hits.get(0).get("id").asText();
    RawHttp.Response served = http().get("/api/images/" + linked + "?collection=photos");
    assertEquals(200, served.status());
    assertTrue(served.head().toLowerCase().contains("content-type: image/jpeg"), served.head());
    Path secret =
        Files.writeString(Files.createTempFile("secret", ".jpg"), "root:$6$secret-hash:19000::");
    Path photo = Path.of(hits.get(0).get("path").asText());
    Files.delete(photo);
    Files.createSymbolicLink(photo, secret);
    RawHttp.Response refused = http().get("/api/images/" + linked + "?collection=photos");
    assertEquals(404, refused.status());
    assertTrue(
        !refused.body().contains("secret-hash") && refused.body().contains("\"status\":404"),
        refused.body());

    String overwritten = hits.get(1).get("id").asText();
    Path other = Path.of(hits.get(1).get("path").asText());
    Files.writeString(other, "not the photo any more");
    assertEquals(404, http().get("/api/images/" + overwritten + "?collection=photos").status());

    String renamedText = hits.get(2).get("id").asText();
    Path third = Path.of(hits.get(2).get("path").asText());
    long mtime = Files.getLastModifiedTime(third).toMillis();
    byte[] text = new byte[(int) Files.size(third)]; // same size and time, content no image
    java.util.Arrays.fill(text, (byte) 'x');
    Files.write(third, text);
    Files.setLastModifiedTime(third, java.nio.file.attribute.FileTime.fromMillis(mtime));
    assertEquals(404, http().get("/api/images/" + renamedText + "?collection=photos").status());

    assertEquals(
        200,
        http()
            .get("/api/images/" + hits.get(3).get("id").asText() + "?collection=photos")
            .status());
  }

  @Test
  @Order(3)
  void aHostNameThatIsNotThisServerIsRefused() {
    RawHttp.Response rebound =
        http().send("GET /api/model HTTP/1.1\r\nHost: attacker.example:8080", null);
    assertEquals(403, rebound.status());
    assertTrue(rebound.body().contains("\"error\":\"forbidden\""), rebound.body());
    assertEquals(
        403, http().send("GET /health HTTP/1.1\r\nHost: photos.attacker.example", null).status());
    for (String host :
        List.of(
            "localhost:" + server.getPort(),
            "127.0.0.1:" + server.getPort(),
            "[::1]:8080",
            "LOCALHOST")) {
      assertEquals(
          200, http().send("GET /api/model HTTP/1.1\r\nHost: " + host, null).status(), host);
    }
  }

  @Test
  @Order(4)
  void aForeignOriginGets403WithTheErrorBody() {
    for (String origin :
        List.of("https://evil.example", "http://1.2.3.4", "http://[2001:db8::1]:8080")) {
      RawHttp.Response r = http().get("/api/model", "Origin: " + origin);
      assertEquals(403, r.status(), origin);
      assertTrue(
          r.body().contains("\"status\":403") && r.body().contains(origin),
          origin + " -> " + r.body());
    }
    assertEquals(
        200, http().get("/api/model", "Origin: http://127.0.0.1:" + server.getPort()).status());
  }

  @Test
  @Order(5)
  void overflowingNumbersAndDatesAre400() {
    assertEquals(400, http().get("/api/search?collection=photos&q=cat&offset=2147483647").status());
    assertEquals(
        400,
        http()
            .get("/api/search?collection=photos&q=cat&from=%2B999999999-12-31T00:00:00Z")
            .status());
    assertEquals(
        400,
        http().get("/api/search?collection=photos&q=cat&to=-999999999-01-01T00:00:00Z").status());
  }

  @Test
  @Order(6)
  void nullInsideAnyListIs400() throws IOException {
    String auth = "Authorization: Bearer " + token();
    Map<String, String> bodies =
        Map.of(
            "/api/collections", "{\"name\":\"n\",\"roots\":[null]}",
            "/api/embed/text", "{\"texts\":[\"a cat\",null]}",
            "/api/lab/matrix", "{\"collection\":\"photos\",\"imageIds\":[null],\"texts\":[\"a\"]}",
            "/api/lab/zeroshot",
                "{\"collection\":\"photos\",\"imageIds\":[\"x\"],\"labels\":[\"a\",null]}");
    bodies.forEach((path, body) -> assertRefused(path, body, "null", auth));
    assertRefused(
        "/api/lab/zeroshot",
        "{\"imageIds\":[\"x\"],\"labels\":[\"a\",\"b\"],\"templates\":[null]}",
        "null");
    String indexed = SharedFixtures.sampleJpegs().getFirst().getFileName().toString();
    String eval =
        "{\"collection\":\"photos\",\"queries\":[{\"query\":\"cat\",\"relevant\":[\"cat\"]}],\"labels\":";
    assertRefused(
        "/api/lab/search-eval",
        eval + "{\"" + indexed + "\":null}}",
        "labels[" + indexed + "] is required");
    assertRefused(
        "/api/lab/search-eval", eval + "{\"" + indexed + "\":[null]}}", "must not contain null");
  }

  @Test
  @Order(6)
  void looseJsonIsRefusedWithTheFieldNamed() throws IOException {
    String auth = "Authorization: Bearer " + token();
    Map<String, String> refused =
        Map.of(
            "{\"q\":\"cat\",\"collection\":\"photos\",\"limit\":1.5}",
                "$.limit must be an integer, got 1.5",
            "{\"q\":\"cat\",\"collection\":\"photos\",\"limit\":\"5\"}",
                "$.limit must be an integer, got \\\"5\\\"",
            "{\"q\":5,\"collection\":\"photos\"}", "$.q must be a string, got 5",
            "{\"q\":\"cat\",\"hybrid\":\"yes\"}", "$.hybrid must be true or false",
            "{\"q\":\"cat\",\"limit\":4294967296}", "$.limit is out of range",
            "{\"q\":\"cat\",\"limt\":5}", "$ has no field 'limt'",
            "{\"q\":\"cat\",\"q\":\"dog\"}", "Duplicate field 'q'",
            "{\"q\":\"cat\"} garbage", "unexpected content after the JSON value",
            "{\"q\":\"cat\"", "malformed JSON");
    refused.forEach((body, message) -> assertRefused("/api/search", body, message));
    assertRefused("/api/collections", "{\"name\":5,\"roots\":[]}", "$.name must be a string", auth);
    assertRefused(
        "/api/embed/text", "{\"texts\":[\"a cat\",7]}", "$.texts[1] must be a string", auth);
    RawHttp.Response strict =
        http()
            .send(
                "POST",
                "/api/search",
                "application/json",
                "{\"q\":\"cat\",\"collection\":\"photos\",\"limit\":5,\"minScore\":0,\"hybrid\":false}"
                    .getBytes(StandardCharsets.UTF_8));
    assertEquals(200, strict.status(), strict.body());
  }

  @Test
  @Order(6)
  void jsonWithoutAContentTypeIsAsStrictAndNamesNoClass() throws IOException {
    String auth = "Authorization: Bearer " + token();
    Map<String, String> refused =
        Map.of(
            "/api/search|{\"q\":\"cat\",\"limit\":1.5} trailing",
                "$.limit must be an integer, got 1.5",
            "/api/search|{\"q\":\"cat\"} trailing", "unexpected content after the JSON value",
            "/api/collections|{\"name\":5,\"roots\":[\"/nowhere\"]} garbage",
                "$.name must be a string",
            "/api/collections|{\"name\":true,\"roots\":[\"/nowhere\"]}", "$.name must be a string");
    refused.forEach(
        (request, message) -> {
          String[] pathAndBody = request.split("\\|", 2);
          RawHttp.Response r =
              http()
                  .send(
                      "POST " + pathAndBody[0] + " HTTP/1.1\r\nHost: localhost\r\n" + auth,
                      pathAndBody[1].getBytes(StandardCharsets.UTF_8));
          assertEquals(400, r.status(), request + " -> " + r.body());
          assertTrue(
              r.body().contains(message) && !r.body().contains("io.clipsearch"),
              request + " -> " + r.body());
        });
  }

  @Test
  @Order(6)
  void searchBooleansAreTrueOrFalse() {
    for (String parameter : List.of("hybrid=maybe", "cutoff=2", "cutoff=yes")) {
      RawHttp.Response r = http().get("/api/search?collection=photos&q=cat&" + parameter);
      assertEquals(400, r.status(), parameter + " -> " + r.body());
      assertTrue(r.body().contains("must be true or false"), parameter + " -> " + r.body());
    }
    assertEquals(
        200, http().get("/api/search?collection=photos&q=cat&hybrid=FALSE&cutoff=true").status());
  }

  @Test
  @Order(7)
  void headersOver16KilobytesAre431WithTheErrorBody() {
    RawHttp.Response r = http().get("/api/model", "X-Padding: " + "a".repeat(17_000));
    assertEquals(431, r.status(), r.body());
    assertTrue(
        r.body().contains("\"status\":431") && r.body().contains("max-header-size"), r.body());
  }

  @Test
  @Order(7)
  void aThousandCjkCharactersFitInAGetUrlAndALongerOneIs414() {
    String query = URLEncoder.encode("猫".repeat(1000), StandardCharsets.UTF_8);
    assertTrue(query.length() >= 9000);
    RawHttp.Response r = http().get("/api/search?collection=photos&cutoff=false&q=" + query);
    assertEquals(200, r.status(), r.body());
    RawHttp.Response tooLong = http().get("/api/search?collection=photos&q=" + query + query);
    assertEquals(414, tooLong.status(), tooLong.body());
    assertTrue(tooLong.body().contains("\"status\":414"), tooLong.body());
  }

  @Test
  @Order(8)
  void a15MegabyteImageCanBeUploaded() throws IOException {
    BufferedImage noise = new BufferedImage(2300, 2300, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(13);
    for (int y = 0; y < noise.getHeight(); y++) {
      for (int x = 0; x < noise.getWidth(); x++) {
        noise.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(noise, "png", png);
    assertTrue(png.size() > 15_000_000, "the image is " + png.size() + " bytes");
    RawHttp.Response r =
        http().send("POST", "/api/embed/image?name=noise.png", "image/png", png.toByteArray());
    assertEquals(200, r.status(), r.body());
  }

  @Test
  @Order(9)
  void systemFoldersAndTheDataFolderAreRefusedAsRoots() throws IOException {
    String auth = "Authorization: Bearer " + token();
    for (String folder :
        List.of(
            "/",
            "/proc",
            "/sys",
            "/dev",
            "/etc",
            "/root",
            "/usr",
            "/usr/share",
            "/var/log",
            "/tmp",
            "/var",
            "/home",
            data.toString(),
            root.toString(),
            data.resolve("photos").toString())) {
      Files.createDirectories(data.resolve("photos"));
      byte[] body =
          ("{\"name\":\"sys\",\"roots\":[\"" + folder + "\"]}").getBytes(StandardCharsets.UTF_8);
      RawHttp.Response r = http().send("POST", "/api/collections", "application/json", body, auth);
      assertEquals(400, r.status(), folder + " -> " + r.body());
    }
  }

  @Test
  @Order(10)
  void choosingKIsNotAGet() {
    RawHttp.Response r = http().get("/api/collections/photos/clusters?k=2");
    assertEquals(400, r.status(), r.body());
    assertTrue(r.body().contains("POST"), r.body());
  }

  /** Runs last: it may delete the collection. Bounded by count and time; loopback only. */
  @Test
  @Order(20)
  void aFewThousandMalformedRequestsToEveryEndpointGetNo5xx() throws IOException {
    String auth = "Authorization: Bearer " + token();
    MalformedRequests requests = new MalformedRequests(20261205);
    List<String> failures = new java.util.ArrayList<>();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(4);
    int sent = 0;
    for (; sent < 3000 && System.nanoTime() < deadline; sent++) {
      MalformedRequests.Request r = requests.next(sent);
      String[] headers = r.authorized() ? new String[] {auth} : new String[0];
      RawHttp.Response response =
          r.body() == null
              ? http()
                  .send(
                      r.method()
                          + " "
                          + r.target()
                          + " HTTP/1.1\r\nHost: localhost"
                          + headerLines(headers),
                      null)
              : http().send(r.method(), r.target(), r.contentType(), r.body(), headers);
      if (response.status() >= 500) {
        failures.add(response.status() + " for " + r + " -> " + response.body());
      }
    }
    assertTrue(sent >= 1000, "only " + sent + " requests in the time allowed");
    assertTrue(
        failures.isEmpty(),
        failures.size()
            + " of "
            + sent
            + " requests to "
            + MalformedRequests.endpointCount()
            + " endpoints got a 5xx:\n"
            + String.join("\n", failures));
  }

  private static String headerLines(String[] headers) {
    return headers.length == 0 ? "" : "\r\n" + String.join("\r\n", headers);
  }

  /** POSTs a JSON body and expects a 400 with the error body saying {@code message}. */
  private void assertRefused(String path, String body, String message, String... headers) {
    RawHttp.Response r =
        http()
            .send("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
    assertEquals(400, r.status(), path + " " + body + " -> " + r.body());
    assertTrue(
        r.body().contains("\"status\":400") && r.body().contains(message),
        path + " " + body + " -> " + r.body());
  }

  private void awaitJob(String id) throws Exception {
    AtomicReference<JsonNode> job = new AtomicReference<>();
    Await.until(
        "job " + id + " to end",
        Duration.ofMinutes(5),
        () -> {
          job.set(JSON.readTree(http().get("/api/jobs/" + id).body()));
          return Set.of("DONE", "FAILED", "CANCELLED")
              .contains(job.get().get("status").get("phase").asText());
        });
    assertEquals("DONE", job.get().get("status").get("phase").asText(), job.get().toString());
  }
}
