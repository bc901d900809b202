package io.clipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clipsearch index}: exit codes and messages for folders it cannot or should not index. */
class IndexCliTest {

  @Test
  void exitsNonZeroWhenEveryFileFailed(@TempDir Path dir) throws Exception {
    Path photos = Files.createDirectories(dir.resolve("photos"));
    Files.writeString(photos.resolve("a.jpg"), "not a photo");
    Files.writeString(photos.resolve("b.png"), "not one either");
    CliRun run = index(photos, dir.resolve("data"));
    assertEquals(1, run.exitCode(), run.out() + run.err());
    assertTrue(run.err().contains("every file failed"), run.err());
  }

  @Test
  void aFileIsNotAFolderToIndex(@TempDir Path dir) throws Exception {
    Path photo = Files.copy(SharedFixtures.sampleJpegs().getFirst(), dir.resolve("one.jpg"));
    CliRun run = index(photo, dir.resolve("data"));
    // a user error: one line, exit code 2, as for every command
    assertEquals(2, run.exitCode());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().contains("is a file: give the folder that holds it"), run.err());
  }

  @Test
  void systemFoldersAndTheDataFolderAreRefused(@TempDir Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    for (Path refused : new Path[] {Path.of("/"), Path.of("/proc"), Path.of("/etc"), dir, data}) {
      CliRun run = index(refused, data);
      assertEquals(2, run.exitCode(), refused + ": " + run.err());
      assertTrue(run.err().contains(refused.toString()), run.err());
    }
  }

  private static CliRun index(Path folder, Path data) {
    return CliRun.of(
        "index",
        folder.toString(),
        "--model",
        SharedFixtures.tinyClip().toString(),
        "--data",
        data.toString());
  }
}
