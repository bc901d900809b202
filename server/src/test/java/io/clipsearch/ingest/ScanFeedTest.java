package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.ingest.FileScanner.Found;
import io.clipsearch.lucene.IndexReads;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streamed scan: bounded hand-over to the workers, each folder once, the file limit. */
class ScanFeedTest {

  @TempDir Path tmp;

  @Test
  void theWalkWaitsForTheWorkersInsteadOfHoldingWhatItFinds() throws Exception {
    Path root = files("photos", 2_000);
    try (VectorIndex index = emptyIndex()) {
      ProgressTracker progress = new ProgressTracker(p -> {}, 0);
      ScanFeed feed =
          new ScanFeed(
              IndexReads.backend(index),
              List.of(root),
              new FileScanner(false),
              progress,
              8,
              1_000_000,
              () -> false,
              s -> {});
      Thread walk = feed.start();
      // Rather than give the walk a fixed time to run ahead, wait until it shows which way it goes:
      // blocked in its timed offer to the full queue (the only timed wait of the walk thread), or
      // past the bound, or done. Only the first passes; a bounded walk gets there however slow
      // the machine.
      Await.until(
          "the walk to block or run ahead",
          Duration.ofMinutes(1),
          () ->
              progress.toRead.get() >= 8 && walk.getState() == Thread.State.TIMED_WAITING
                  || progress.toRead.get() > 9
                  || !walk.isAlive());
      assertTrue(
          progress.toRead.get() <= 9, "queued " + progress.toRead.get() + " with room for 8 (+1)");
      assertFalse(feed.finished(), "the walk waits while nobody takes");

      List<Path> taken = drain(feed);

      assertEquals(2_000, taken.size());
      assertEquals(2_000, new HashSet<>(taken).size());
      walk.join();
      assertTrue(feed.finished() && feed.failure().isEmpty());
      assertEquals(2_000, progress.total.get());
    }
  }

  @Test
  void aRootInsideAnotherIsWalkedOnce() throws Exception {
    Path root = files("photos", 10);
    Path inner = Files.createDirectories(root.resolve("inner"));
    Files.createFile(inner.resolve("x.jpg"));
    assertEquals(
        List.of(root), ScanFeed.outermost(List.of(inner, root, root.resolve("inner/../inner"))));
    try (VectorIndex index = emptyIndex()) {
      ScanFeed feed =
          new ScanFeed(
              IndexReads.backend(index),
              List.of(inner, root),
              new FileScanner(false),
              new ProgressTracker(p -> {}, 0),
              4,
              1_000_000,
              () -> false,
              s -> {});
      feed.start();
      assertEquals(11, drain(feed).size());
    }
  }

  @Test
  void theFileLimitStopsTheWalkWithAClearError() throws Exception {
    Path root = files("photos", 20);
    try (VectorIndex index = emptyIndex()) {
      ScanFeed feed =
          new ScanFeed(
              IndexReads.backend(index),
              List.of(root),
              new FileScanner(false),
              new ProgressTracker(p -> {}, 0),
              100,
              10,
              () -> false,
              s -> {});
      Thread walk = feed.start();
      assertTrue(drain(feed).size() <= 10);
      walk.join();
      assertTrue(
          feed.failure().orElseThrow().getMessage().contains("more than 10 image files"),
          feed.failure().get().getMessage());
    }
  }

  @Test
  void seenPathsRememberExactlyWhatWasAdded() {
    SeenPaths seen = new SeenPaths();
    for (int i = 0; i < 5_000; i++) {
      seen.add(Path.of("/photos/" + i + ".jpg"));
    }
    seen.seal();
    for (int i = 0; i < 5_000; i++) {
      assertTrue(seen.contains(Path.of("/photos/" + i + ".jpg")));
      assertFalse(seen.contains(Path.of("/photos/" + i + ".jpeg")));
    }
  }

  private static List<Path> drain(ScanFeed feed) throws InterruptedException {
    List<Path> taken = new ArrayList<>();
    Found f;
    while ((f = feed.next()) != null) {
      taken.add(f.path());
    }
    return taken;
  }

  private Path files(String name, int count) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    for (int i = 0; i < count; i++) {
      Files.createFile(dir.resolve("img-" + i + ".jpg")); // the walk only stats
    }
    return dir;
  }

  private VectorIndex emptyIndex() throws IOException {
    return VectorIndex.open(tmp.resolve("index"), new VectorSpace("test", 4), VectorFormat.FLOAT32);
  }
}
