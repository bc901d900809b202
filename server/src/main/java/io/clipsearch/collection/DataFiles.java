package io.clipsearch.collection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file of the data folder whole or not at all: to a temporary sibling, then one atomic
 * rename, so a crash or a full disk never leaves a half-written thumbnail, face record or setting
 * for a later reader. Stateless and thread-safe (each thread writes its own temporary file).
 */
public final class DataFiles {

  private DataFiles() {}

  /**
   * Replaces {@code file} with {@code bytes}, creating its folder.
   *
   * @throws IOException if it cannot be written (then the previous file, if any, is unchanged)
   */
  public static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    // unique to this process and thread; Files.createTempFile would draw from SecureRandom per file
    Path tmp =
        file.resolveSibling(
            file.getFileName()
                + "."
                + ProcessHandle.current().pid()
                + "."
                + Thread.currentThread().threadId()
                + ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
