package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {

  private static final Duration QUIET = Duration.ofMillis(300);

  @Test
  void reportsTheFolderOfAChangeIncludingFoldersCreatedLater(@TempDir Path root) throws Exception {
    Path old = Files.createDirectories(root.resolve("2020"));
    try (FolderWatcher watcher = new FolderWatcher(List.of(root))) {
      Files.writeString(old.resolve("a.jpg"), "x");
      assertEquals(Set.of(old), assertTimeoutPreemptively(Duration.ofSeconds(20), () -> watcher.awaitChanges(QUIET)));

      Path created = Files.createDirectories(root.resolve("2024"));
      assertEquals(Set.of(root), assertTimeoutPreemptively(Duration.ofSeconds(20), () -> watcher.awaitChanges(QUIET)));

      Files.writeString(created.resolve("b.jpg"), "y"); // the new folder is watched too
      assertEquals(Set.of(created), assertTimeoutPreemptively(Duration.ofSeconds(20), () -> watcher.awaitChanges(QUIET)));
    }
  }

  @Test
  void closingWakesAWaitingCallWithNothing(@TempDir Path root) throws Exception {
    FolderWatcher watcher = new FolderWatcher(List.of(root));
    Thread.ofPlatform().start(() -> {
      try {
        Thread.sleep(200);
        watcher.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertEquals(Set.of(), assertTimeoutPreemptively(Duration.ofSeconds(20), () -> watcher.awaitChanges(QUIET)));
  }
}
