package io.clipsearch.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** File helpers for tests that work on a copy of a fixture rather than the fixture itself. */
public final class TestFiles {

  private TestFiles() {}

  /**
   * Copies the folder {@code from} and everything below it to {@code to} (created), each copied
   * file writable even where the fixture's is not (the shared fixtures may be read-only).
   *
   * @return {@code to}
   * @throws IOException if a file cannot be read or written, or already exists at the target
   */
  public static Path copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
          target.toFile().setWritable(true);
        }
      }
    }
    return to;
  }
}
