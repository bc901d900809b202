package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.clipsearch.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {

  private static final Duration QUIET = Duration.ofMillis(300);

  /**
   * Generous: an event arrives in milliseconds, but a loaded machine may delay the watch thread.
   */
  private static final Duration CHANGE_WAIT = Duration.ofMinutes(1);

  @Test
  void reportsTheFolderOfAChangeIncludingFoldersCreatedLater(@TempDir Path root) throws Exception {
    Path old = Files.createDirectories(root.resolve("2020"));
    try (FolderWatcher watcher = new FolderWatcher(List.of(root))) {
      Files.writeString(old.resolve("a.jpg"), "x");
      assertEquals(
          Set.of(old), assertTimeoutPreemptively(CHANGE_WAIT, () -> watcher.awaitChanges(QUIET)));

      Path created = Files.createDirectories(root.resolve("2024"));
      assertEquals(
          Set.of(root), assertTimeoutPreemptively(CHANGE_WAIT, () -> watcher.awaitChanges(QUIET)));

      Files.writeString(created.resolve("b.jpg"), "y"); // the new folder is watched too
      assertEquals(
          Set.of(created),
          assertTimeoutPreemptively(CHANGE_WAIT, () -> watcher.awaitChanges(QUIET)));
    }
  }

  @Test
  void closingWakesAWaitingCallWithNothing(@TempDir Path root) throws Exception {
    FolderWatcher watcher = new FolderWatcher(List.of(root));
    CompletableFuture<Set<Path>> changes = new CompletableFuture<>();
    Thread waiting =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  try {
                    changes.complete(watcher.awaitChanges(QUIET));
                  } catch (Throwable e) {
                    changes.completeExceptionally(e);
                  }
                });
    // closed while the call waits for a first event (parked in take()), not before it starts
    Await.until(
        "awaitChanges to wait",
        Duration.ofMinutes(1),
        () -> waiting.getState() == Thread.State.WAITING);
    watcher.close();
    assertEquals(Set.of(), changes.get(1, TimeUnit.MINUTES));
  }
}
