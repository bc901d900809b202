package io.clipsearch.model.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pieces of a pull on their own: file checks, part files, paging, ranges, origins, idleness.
 */
class DownloadPartsTest {

  // "hello\n": sha256sum and git hash-object give these
  private static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.US_ASCII);
  private static final String HELLO_SHA256 =
      "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
  private static final String HELLO_BLOB = "ce013625030ba8dba906f756967f9e9ca394464a";

  @TempDir Path dir;

  @Test
  void aFileMatchingItsPublishedHashHasNoMismatch() throws IOException {
    Path file = Files.write(dir.resolve("f"), HELLO);
    assertEquals(
        Optional.empty(), HubFileCheck.mismatch(file, new HubFile("f", 6, HELLO_SHA256, null)));
    assertEquals(
        Optional.empty(), HubFileCheck.mismatch(file, new HubFile("f", 6, null, HELLO_BLOB)));
    assertTrue(HubFileCheck.isComplete(file, new HubFile("f", 6, HELLO_SHA256, null)));
  }

  @Test
  void aMismatchNamesWhatDiffers() throws IOException {
    Path file = Files.write(dir.resolve("f"), HELLO);
    assertEquals(
        Optional.of("size 6 bytes, expected 7"),
        HubFileCheck.mismatch(file, new HubFile("f", 7, HELLO_SHA256, null)));
    String bad = "0".repeat(64);
    assertEquals(
        Optional.of("SHA-256 " + HELLO_SHA256 + ", expected " + bad),
        HubFileCheck.mismatch(file, new HubFile("f", 6, bad, null)));
    assertTrue(
        HubFileCheck.mismatch(file, new HubFile("f", 6, null, "0".repeat(40)))
            .orElseThrow()
            .startsWith("Git blob SHA-1 " + HELLO_BLOB));
    assertFalse(
        HubFileCheck.isComplete(dir.resolve("absent"), new HubFile("f", 6, HELLO_SHA256, null)));
  }

  @Test
  void bytesMissingCountsWhatNeitherTheFileNorItsPartHolds() throws IOException {
    HubFile done = new HubFile("done", 6, HELLO_SHA256, null);
    HubFile half = new HubFile("sub/half", 10, HELLO_SHA256, null);
    HubFile none = new HubFile("none", 4, HELLO_SHA256, null);
    Files.write(dir.resolve("done"), HELLO);
    Files.createDirectories(dir.resolve("sub"));
    Files.write(PartFiles.partOf(dir.resolve("sub/half")), HELLO);
    // done: 0; half: 10 - 6; none: 4
    assertEquals(8, PartFiles.bytesMissing(dir, List.of(done, half, none)));
    assertEquals(dir.resolve("sub/half.part"), PartFiles.partOf(dir.resolve("sub/half")));
  }

  @Test
  void moveIntoPlaceReplacesTheTarget() throws IOException {
    Path target = Files.writeString(dir.resolve("t"), "old");
    Path part = Files.write(PartFiles.partOf(target), HELLO);
    PartFiles.moveIntoPlace(part, target);
    assertFalse(Files.exists(part));
    assertEquals("hello\n", Files.readString(target));
  }

  @Test
  void nextPageFollowsTheRelNextLink() {
    URI current = URI.create("http://hub/api/models/x/tree/main?recursive=true");
    assertEquals(
        URI.create("http://hub/api/models/x/tree/main?cursor=2"),
        HubListing.nextPage(List.of("</api/models/x/tree/main?cursor=2>; rel=\"next\""), current));
    assertNull(HubListing.nextPage(List.of("</first>; rel=\"prev\""), current));
    assertNull(HubListing.nextPage(List.of(), current));
  }

  @Test
  void rangeStartIsReadFromContentRange() {
    assertEquals(Optional.of(100L), RangeDownload.rangeStart("bytes 100-199/200"));
    assertEquals(Optional.empty(), RangeDownload.rangeStart("items 1-2"));
  }

  @Test
  void theTokenGoesOnlyToTheSameOrigin() {
    URI hub = URI.create("https://huggingface.co");
    assertTrue(HubClient.sameOrigin(URI.create("https://HuggingFace.co:443/x"), hub));
    assertFalse(HubClient.sameOrigin(URI.create("https://cdn-lfs.huggingface.co/x"), hub));
    assertFalse(HubClient.sameOrigin(URI.create("http://huggingface.co/x"), hub));
    assertFalse(HubClient.sameOrigin(URI.create("https://huggingface.co:8443/x"), hub));
  }

  @Test
  void theWatchdogClosesAStalledBodyButNotATouchedOne() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    InputStream stalled =
        new ByteArrayInputStream(HELLO) {
          @Override
          public void close() {
            closed.countDown();
          }
        };
    try (IdleWatchdog watchdog = new IdleWatchdog(stalled, Duration.ofMillis(50))) {
      assertTrue(closed.await(5, TimeUnit.SECONDS), "a body idle for 50 ms is closed");
      assertTrue(watchdog.fired());
    }
    CountDownLatch untouched = new CountDownLatch(1);
    InputStream busy =
        new ByteArrayInputStream(HELLO) {
          @Override
          public void close() {
            untouched.countDown();
          }
        };
    try (IdleWatchdog watchdog = new IdleWatchdog(busy, Duration.ofSeconds(30))) {
      watchdog.touch();
      assertFalse(untouched.await(100, TimeUnit.MILLISECONDS));
      assertFalse(watchdog.fired());
    }
  }
}
