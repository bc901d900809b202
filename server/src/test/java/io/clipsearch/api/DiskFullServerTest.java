package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.testing.Await;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A disk that fills up during an index job, on a real file system: the data folder is a small tmpfs
 * mounted for the test (skipped where mounting is not permitted, i.e. not root). The job fails
 * saying "No space left on device", health is DOWN naming the collection, and once space is back
 * the next job succeeds without a restart.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiskFullServerTest implements TestPropertyProvider {

  static final String TOKEN = "disk-full-token";
  static final String AUTH = "Authorization: Bearer " + TOKEN;
  static final ObjectMapper JSON = new ObjectMapper();

  @Inject EmbeddedServer server;

  Path photos;
  Path data;

  @Override
  public Map<String, String> getProperties() {
    try {
      Path root = Files.createTempDirectory("clipsearch-disk-full");
      photos = Files.createDirectories(root.resolve("photos"));
      List<Path> jpegs = SharedFixtures.sampleJpegs();
      for (int i = 0; i < 30; i++) {
        Files.copy(jpegs.get(i), photos.resolve(jpegs.get(i).getFileName()));
      }
      data = Files.createDirectories(root.resolve("data"));
      assumeTrue(mount(data), "mounting a tmpfs is not permitted here (needs root): test skipped");
      Map<String, String> properties =
          new HashMap<>(
              Map.of(
                  "clipsearch.model.dir", SharedFixtures.tinyClip().toString(),
                  "clipsearch.data.dir", data.toString(),
                  "clipsearch.auth.token", TOKEN));
      properties.putAll(access());
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean mount(Path dir) {
    try {
      Process p =
          new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", dir.toString())
              .redirectErrorStream(true)
              .start();
      p.getInputStream().transferTo(OutputStream.nullOutputStream());
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @AfterAll
  void unmount() throws Exception {
    if (data != null) {
      new ProcessBuilder("umount", "-l", data.toString()).inheritIO().start().waitFor();
    }
  }

  RawHttp http() {
    return new RawHttp(server.getPort());
  }

  @Test
  void aJobOnAFullDiskSaysSoHealthIsDownAndTheNextJobWorksOnceSpaceIsBack() throws Exception {
    byte[] create =
        ("{\"name\":\"photos\",\"roots\":[\"" + photos + "\"]}").getBytes(StandardCharsets.UTF_8);
    assertEquals(
        201, http().send("POST", "/api/collections", "application/json", create, AUTH).status());
    Path filler = data.resolve("filler");
    try (OutputStream out = Files.newOutputStream(filler)) {
      byte[] block = new byte[4096];
      while (true) {
        out.write(block); // until the file system is full
      }
    } catch (IOException full) {
      assertTrue(String.valueOf(full.getMessage()).contains("No space left"), full.toString());
    }

    JsonNode failed = runJob();
    assertEquals("FAILED", failed.get("status").get("phase").asText(), failed.toString());
    assertTrue(failed.get("error").asText().contains("No space left on device"), failed.toString());
    RawHttp.Response health = http().get("/health");
    assertEquals(503, health.status(), health.body());
    assertHealthSaysWhy(health.body());

    Files.delete(filler);
    JsonNode done = runJob();
    assertEquals("DONE", done.get("status").get("phase").asText(), done.toString());
    assertEquals(
        30,
        done.get("status").get("embedded").asLong() + done.get("status").get("unchanged").asLong(),
        done.toString());
    assertEquals(200, http().get("/health").status());
    JsonNode hits =
        JSON.readTree(
            http().get("/api/search?collection=photos&q=photo&cutoff=false&limit=50", AUTH).body());
    assertEquals(30, hits.get("hits").size());
  }

  /** Settings of who may read: none here, reads are open (loopback). */
  Map<String, String> access() {
    return Map.of();
  }

  /** Where reads are open, health names the collection and the cause. */
  void assertHealthSaysWhy(String body) {
    assertTrue(body.contains("photos") && body.contains("No space left on device"), body);
  }

  private JsonNode runJob() throws Exception {
    RawHttp.Response started =
        http().send("POST", "/api/collections/photos/jobs", "application/json", new byte[0], AUTH);
    assertEquals(202, started.status(), started.body());
    String id = JSON.readTree(started.body()).get("id").asText();
    AtomicReference<JsonNode> job = new AtomicReference<>();
    Await.until(
        "job " + id + " to end",
        Duration.ofMinutes(5),
        () -> {
          job.set(JSON.readTree(http().get("/api/jobs/" + id, AUTH).body()));
          return job.get().hasNonNull("finished");
        });
    return job.get();
  }
}
