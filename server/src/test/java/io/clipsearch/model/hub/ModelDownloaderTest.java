package io.clipsearch.model.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.model.hub.ModelDownloadException.Reason;
import io.clipsearch.testing.HubFixture;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls against a {@link HubFixture} on loopback; nothing leaves the machine. */
class ModelDownloaderTest {

  private static final String REPO = "test-org/Tiny-CLIP__fixture";
  private static final KnownModel TINY =
      new KnownModel("tiny", REPO, "main", 32, "MIT", "English", 1_000_000, "fixture model");
  private static final String VISUAL = "visual/model.onnx";

  @TempDir Path modelsDir;
  private HubFixture hub;
  private ModelDownloader downloader;

  @BeforeEach
  void start() throws IOException {
    hub = new HubFixture(REPO).clipLayout();
    downloader = downloader(hub.baseUrl(), null);
  }

  @AfterEach
  void stop() {
    downloader.close();
    hub.close();
  }

  private static ModelDownloader downloader(URI base, String token) {
    return new ModelDownloader(base, token, Duration.ofSeconds(5), Duration.ofSeconds(1));
  }

  @Test
  void pullProducesTheLayoutWithTheServedBytes() throws Exception {
    List<String> reported = new ArrayList<>();
    Path dir =
        downloader.pull(
            TINY,
            modelsDir,
            (file, done, total) -> {
              if (done == total) {
                reported.add(file);
              }
            });

    assertEquals(modelsDir.resolve("tiny"), dir);
    for (String file :
        List.of(
            "config.json",
            "visual/preprocess_cfg.json",
            VISUAL,
            "textual/model.onnx",
            "textual/tokenizer.json",
            "textual/tokenizer_config.json",
            "textual/vocab.json",
            "textual/merges.txt")) {
      assertArrayEquals(hub.content(file), Files.readAllBytes(dir.resolve(file)), file);
      assertTrue(reported.contains(file), file + " reported finished");
    }
    assertEquals(List.of(), ModelLayout.missingFiles(dir));
    assertEquals(List.of(), partFiles(dir));
  }

  @Test
  void unwantedFilesAreNotDownloaded() throws Exception {
    Path dir = downloader.pull(TINY, modelsDir, ProgressListener.NONE);

    assertFalse(Files.exists(dir.resolve("visual/fp16/model.armnn")));
    assertFalse(Files.exists(dir.resolve("textual/rknpu")));
    assertFalse(Files.exists(dir.resolve("README.md")));
    assertEquals(List.of(), hub.downloadsOf("visual/fp16/model.armnn"));
    assertEquals(List.of(), hub.downloadsOf("README.md"));
    assertEquals(8, hub.downloads().size(), "one request per wanted file");
  }

  @Test
  void interruptedDownloadResumesFromThePartFile() throws Exception {
    int size = hub.content(VISUAL).length;
    long cut = 100_000;
    hub.dropAfterBytes.put(VISUAL, cut);

    ModelDownloadException first =
        assertThrows(
            ModelDownloadException.class,
            () -> downloader.pull(TINY, modelsDir, ProgressListener.NONE));
    assertEquals(Reason.INTERRUPTED, first.reason());
    assertTrue(first.getMessage().contains("pull again to resume"), first.getMessage());
    Path part = modelsDir.resolve("tiny/visual/model.onnx.part");
    long kept = Files.size(part);
    assertTrue(kept > 0 && kept <= cut, "kept " + kept);
    assertFalse(Files.exists(modelsDir.resolve("tiny").resolve(VISUAL)));

    Path dir = downloader.pull(TINY, modelsDir, ProgressListener.NONE);

    List<HubFixture.Request> visual = hub.downloadsOf(VISUAL);
    assertEquals(2, visual.size());
    assertNull(visual.get(0).range());
    assertEquals("bytes=" + kept + "-", visual.get(1).range());
    assertArrayEquals(hub.content(VISUAL), Files.readAllBytes(dir.resolve(VISUAL)));
    assertFalse(Files.exists(part));
    long sentForAll = hub.bodyBytesSent.get();
    long otherFiles =
        Stream.of(
                "config.json",
                "visual/preprocess_cfg.json",
                "textual/model.onnx",
                "textual/tokenizer.json",
                "textual/tokenizer_config.json",
                "textual/vocab.json",
                "textual/merges.txt")
            .mapToLong(f -> hub.content(f).length)
            .sum();
    long sentForVisual = sentForAll - otherFiles;
    assertTrue(sentForVisual < 2L * size, "visual bytes sent " + sentForVisual + ", file " + size);
    assertEquals(cut + (size - kept), sentForVisual);
  }

  @Test
  void serverIgnoringRangeStillEndsWithTheRightFile() throws Exception {
    hub.dropAfterBytes.put(VISUAL, 100_000L);
    assertThrows(
        ModelDownloadException.class,
        () -> downloader.pull(TINY, modelsDir, ProgressListener.NONE));
    hub.ignoreRange = true;

    Path dir = downloader.pull(TINY, modelsDir, ProgressListener.NONE);

    assertTrue(hub.downloadsOf(VISUAL).get(1).range().startsWith("bytes="));
    assertArrayEquals(hub.content(VISUAL), Files.readAllBytes(dir.resolve(VISUAL)));
  }

  @Test
  void hashMismatchFailsAndLeavesNoFile() {
    hub.corrupt.add(VISUAL);

    ModelDownloadException e =
        assertThrows(
            ModelDownloadException.class,
            () -> downloader.pull(TINY, modelsDir, ProgressListener.NONE));

    assertEquals(Reason.INTEGRITY, e.reason());
    assertTrue(e.getMessage().contains(VISUAL), e.getMessage());
    assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    assertFalse(Files.exists(modelsDir.resolve("tiny").resolve(VISUAL)));
    assertFalse(Files.exists(modelsDir.resolve("tiny/visual/model.onnx.part")));
  }

  @Test
  void smallGitFilesAreCheckedByBlobId() {
    hub.corrupt.add("config.json");

    ModelDownloadException e =
        assertThrows(
            ModelDownloadException.class,
            () -> downloader.pull(TINY, modelsDir, ProgressListener.NONE));

    assertEquals(Reason.INTEGRITY, e.reason());
    assertTrue(e.getMessage().contains("Git blob SHA-1"), e.getMessage());
    assertFalse(Files.exists(modelsDir.resolve("tiny/config.json")));
  }

  @Test
  void rePullOfACompleteFolderTransfersNothing() throws Exception {
    downloader.pull(TINY, modelsDir, ProgressListener.NONE);
    int before = hub.downloads().size();
    long sent = hub.bodyBytesSent.get();

    downloader.pull(TINY, modelsDir, ProgressListener.NONE);

    assertEquals(before, hub.downloads().size());
    assertEquals(sent, hub.bodyBytesSent.get());
  }

  @Test
  void damagedFileInPlaceIsDownloadedAgain() throws Exception {
    Path dir = downloader.pull(TINY, modelsDir, ProgressListener.NONE);
    byte[] bad = hub.content(VISUAL);
    bad[0] ^= 1;
    Files.write(dir.resolve(VISUAL), bad);

    downloader.pull(TINY, modelsDir, ProgressListener.NONE);

    assertEquals(2, hub.downloadsOf(VISUAL).size());
    assertArrayEquals(hub.content(VISUAL), Files.readAllBytes(dir.resolve(VISUAL)));
  }

  @Test
  void unreachableHostSaysOfflineAndPointsToTheReadme() {
    try (ModelDownloader offline = downloader(URI.create("http://127.0.0.1:1"), null)) {
      ModelDownloadException e =
          assertThrows(
              ModelDownloadException.class,
              () -> offline.pull(TINY, modelsDir, ProgressListener.NONE));

      assertEquals(Reason.UNREACHABLE, e.reason());
      assertTrue(
          e.getMessage().startsWith("cannot reach http://127.0.0.1:1 (offline?)"), e.getMessage());
      assertTrue(e.getMessage().contains("models/README.md"), e.getMessage());
      assertTrue(e.getMessage().contains(modelsDir.resolve("tiny").toString()), e.getMessage());
    }
  }

  @Test
  void missingRepositoryIsNotFound() {
    hub.statusFor.put("/api/models/" + REPO + "/tree/main", 404);

    ModelDownloadException e =
        assertThrows(
            ModelDownloadException.class,
            () -> downloader.pull(TINY, modelsDir, ProgressListener.NONE));

    assertEquals(Reason.NOT_FOUND, e.reason());
    assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    assertTrue(e.getMessage().contains(REPO), e.getMessage());
  }

  @Test
  void gatedRepositoryAsksForAToken() {
    hub.statusFor.put(hub.resolvePath(VISUAL), 401);

    ModelDownloadException e =
        assertThrows(
            ModelDownloadException.class,
            () -> downloader.pull(TINY, modelsDir, ProgressListener.NONE));

    assertEquals(Reason.UNAUTHORIZED, e.reason());
    assertTrue(e.getMessage().contains("HF_TOKEN"), e.getMessage());
    assertTrue(e.getMessage().contains("fixture says 401"), e.getMessage());
  }

  @Test
  void forbiddenIsReported() {
    hub.statusFor.put(hub.resolvePath(VISUAL), 403);

    ModelDownloadException e =
        assertThrows(
            ModelDownloadException.class,
            () -> downloader.pull(TINY, modelsDir, ProgressListener.NONE));

    assertEquals(Reason.FORBIDDEN, e.reason());
    assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
  }

  @Test
  void repositoryWithoutTheLayoutIsRefusedBeforeAnyDownload() throws IOException {
    try (HubFixture other = new HubFixture(REPO).file("config.json", new byte[] {'{', '}'});
        ModelDownloader d = downloader(other.baseUrl(), null)) {
      ModelDownloadException e =
          assertThrows(
              ModelDownloadException.class, () -> d.pull(TINY, modelsDir, ProgressListener.NONE));

      assertEquals(Reason.LAYOUT, e.reason());
      assertTrue(e.getMessage().contains("visual/model.onnx"), e.getMessage());
      assertEquals(List.of(), other.downloads());
    }
  }

  @Test
  void tokenGoesToTheHubButNotToTheRedirectTarget() throws Exception {
    hub.redirectToCdn = true;
    try (ModelDownloader withToken = downloader(hub.baseUrl(), "hf_secret")) {
      Path dir = withToken.pull(TINY, modelsDir, ProgressListener.NONE);

      assertArrayEquals(hub.content(VISUAL), Files.readAllBytes(dir.resolve(VISUAL)));
    }
    List<HubFixture.Request> visual = hub.downloadsOf(VISUAL);
    assertEquals(2, visual.size(), "hub then cdn");
    assertEquals("Bearer hf_secret", visual.get(0).authorization());
    assertNull(visual.get(1).authorization());
  }

  @Test
  void treeListingFollowsPages() throws Exception {
    hub.treePageSize = 3;

    Path dir = downloader.pull(TINY, modelsDir, ProgressListener.NONE);

    assertEquals(List.of(), ModelLayout.missingFiles(dir));
    assertTrue(
        hub.requests.stream().filter(r -> r.path().startsWith("/api/")).count() > 1,
        "several tree pages requested");
  }

  @Test
  void stalledTransferTimesOutAndKeepsThePart() throws Exception {
    hub.stallAfterBytes.put(VISUAL, 50_000L);

    ModelDownloadException e =
        assertThrows(
            ModelDownloadException.class,
            () -> downloader.pull(TINY, modelsDir, ProgressListener.NONE));

    assertEquals(Reason.INTERRUPTED, e.reason());
    assertTrue(e.getMessage().contains("no data for"), e.getMessage());
    assertEquals(50_000L, Files.size(modelsDir.resolve("tiny/visual/model.onnx.part")));
  }

  private static List<Path> partFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".part")).toList();
    }
  }
}
