package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.api.security.TokenFile;
import io.clipsearch.ingest.ExifReaderTest;
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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a hostile photo folder does to the readers of the server, on a real file system over real
 * HTTP: a folder linked out of the roots (indexer), a photo swapped for a link to an EXIF-rich file
 * outside ({@code /info}), a FIFO planted in a photo's place ({@code /info} and the image), and a
 * swap loop racing {@code GET /api/images/{id}} with no token.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlantedFilesServerTest implements TestPropertyProvider {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET = "root:$6$secret-hash:19000::";

  @Inject EmbeddedServer server;

  Path root;
  Path photos;
  Path outside;
  Path data;

  /** The indexed photos directly in the folder, whatever else a (wrong) index holds. */
  List<JsonNode> hits;

  @Override
  public Map<String, String> getProperties() {
    try {
      root = Files.createTempDirectory("clipsearch-planted");
      photos = Files.createDirectories(root.resolve("photos"));
      outside = Files.createDirectories(root.resolve("outside"));
      data = root.resolve("data");
      SharedFixtures.copySampleJpegs(photos, 4);
      // a camera's photo outside the roots: date, Canon, lens, exposure, GPS
      byte[] camera = Files.readAllBytes(SharedFixtures.sampleJpegs().get(5));
      Files.write(
          outside.resolve("private.jpg"),
          ExifReaderTest.withExif(
              camera, ExifReaderTest.exif("2021:07:14 18:30:05", "+02:00", 37.5, -122.25)));
      Files.createSymbolicLink(photos.resolve("linked"), outside);
      return SharedFixtures.tinyClipServer(data, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RawHttp http() {
    return new RawHttp(server.getPort());
  }

  @Test
  @Order(1)
  void aFolderLinkedOutOfTheRootsIsNotIndexedSoNothingOfItIsServed() throws Exception {
    String auth = "Authorization: Bearer " + Files.readString(data.resolve(TokenFile.FULL)).strip();
    String jobId = RawHttpCollections.createAndIndex(http(), auth, "photos", photos);

    JsonNode all =
        JSON.readTree(
                http().get("/api/search?collection=photos&q=photo&cutoff=false&limit=10").body())
            .get("hits");
    hits = new ArrayList<>();
    all.forEach(
        hit -> {
          if (Path.of(hit.get("path").asText()).getParent().equals(photos)) {
            hits.add(hit);
          }
        });
    assertEquals(4, all.size(), all.toString());
    assertEquals("[]", http().get("/api/collections/photos/cameras").body());
    assertTrue(
        JSON.readTree(http().get("/api/collections/photos/places").body()).get("places").isEmpty());
    String report = http().get("/api/jobs/" + jobId + "/report").body();
    assertTrue(report.contains("SYMLINK") && report.contains("linked"), report);
  }

  @Test
  @Order(2)
  void infoReadsNoExposureThroughALinkOutOfTheRoots() throws IOException {
    String id = hits.get(0).get("id").asText();
    Path photo = Path.of(hits.get(0).get("path").asText());
    Path kept = Files.move(photo, root.resolve("kept-2.jpg"));
    Files.createSymbolicLink(photo, outside.resolve("private.jpg"));
    try {
      RawHttp.Response info = http().get("/api/images/" + id + "/info?collection=photos");
      assertEquals(200, info.status(), info.body());
      assertFalse(info.body().contains("fNumber"), info.body());
      assertEquals(404, http().get("/api/images/" + id + "?collection=photos").status());
    } finally {
      Files.delete(photo);
      Files.move(kept, photo);
    }
  }

  /**
   * Before: each request's worker blocked opening the FIFO for EXIF, and search and health with
   * them.
   */
  @Test
  @Order(3)
  void aFifoInAPhotosPlaceIsNeverOpenedAndNobodyWaits() throws Exception {
    String id = hits.get(1).get("id").asText();
    Path photo = Path.of(hits.get(1).get("path").asText());
    Path kept = Files.move(photo, root.resolve("kept-3.jpg"));
    assertEquals(0, new ProcessBuilder("mkfifo", photo.toString()).start().waitFor());

    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          ExecutorService clients = Executors.newFixedThreadPool(4);
          try {
            List<Future<RawHttp.Response>> infos = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
              infos.add(
                  clients.submit(
                      () -> http().get("/api/images/" + id + "/info?collection=photos")));
            }
            assertEquals(200, http().get("/health").status());
            assertEquals(200, http().get("/api/search?collection=photos&q=photo").status());
            assertEquals(404, http().get("/api/images/" + id + "?collection=photos").status());
            for (Future<RawHttp.Response> info : infos) {
              assertEquals(200, info.get().status(), info.get().body());
            }
          } finally {
            clients.shutdownNow();
            Files.delete(photo);
            Files.move(kept, photo);
          }
        });
  }

  /** The probe's race: 4 of ~117 answers were the linked file. Bounded: 4 s, loopback. */
  @Test
  @Order(4)
  void aPhotoSwappedForALinkInALoopNeverServesTheLinkedFile() throws Exception {
    String id = hits.get(2).get("id").asText();
    Path photo = Path.of(hits.get(2).get("path").asText());
    Path hardLink = Files.createLink(root.resolve("photo-hard-link"), photo);
    // the photo's size, so a check-then-open serves it whole (else a short body under its length)
    byte[] secret = Arrays.copyOf(SECRET.getBytes(StandardCharsets.UTF_8), (int) Files.size(photo));
    Path sameSize = Files.write(outside.resolve("shadow-sized"), secret);
    AtomicBoolean stop = new AtomicBoolean();
    Thread swapper =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    // the path always exists, alternately the photo and a link to the secret
                    // (atomic renames)
                    while (!stop.get()) {
                      Files.move(
                          Files.createSymbolicLink(root.resolve("next-link"), sameSize),
                          photo,
                          StandardCopyOption.ATOMIC_MOVE);
                      Files.move(
                          Files.createLink(root.resolve("next-photo"), hardLink),
                          photo,
                          StandardCopyOption.ATOMIC_MOVE);
                    }
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
    int served = 0;
    int refused = 0;
    List<String> leaks = new ArrayList<>();
    long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
    try {
      while (System.nanoTime() < end) {
        RawHttp.Response r = http().get("/api/images/" + id + "?collection=photos");
        if (r.body().contains("secret-hash")) {
          leaks.add(r.status() + " " + r.head());
        } else if (r.status() == 200) {
          served++;
        } else {
          refused++;
        }
      }
    } finally {
      stop.set(true);
      swapper.join();
    }
    assertTrue(
        leaks.isEmpty(),
        leaks.size()
            + " of "
            + (leaks.size() + served + refused)
            + " answers were the linked file: "
            + leaks);
    assertTrue(
        served > 0 && refused > 0,
        served + " served, " + refused + " refused: the race did not run");
  }

  /** The server runs in this JVM: every opened photo and thumbnail must be closed once sent. */
  @Test
  @Order(5)
  void servedFilesAreClosedOnceSent() throws IOException {
    String id = hits.get(3).get("id").asText();
    long before = openDescriptors();
    for (int i = 0; i < 200; i++) {
      assertEquals(200, http().get("/api/images/" + id + "?collection=photos").status());
      assertEquals(200, http().get("/api/images/" + id + "/thumbnail?collection=photos").status());
      assertEquals(200, http().get("/api/images/" + id + "/info?collection=photos").status());
    }
    long after = openDescriptors();
    assertTrue(
        after - before < 50, before + " open descriptors before 600 requests, " + after + " after");
  }

  private static long openDescriptors() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.count();
    }
  }
}
