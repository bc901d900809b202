package io.clipsearch.index;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the index knows of a file, enough to tell whether it changed without reading it.
 *
 * @param path absolute path
 * @param id content hash
 * @param size bytes
 * @param mtimeMillis last-modified time
 */
public record FileState(Path path, String id, long size, long mtimeMillis) {
  public FileState {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(id, "id");
  }
}
