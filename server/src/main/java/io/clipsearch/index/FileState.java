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
 * @param sidecarMtimeMillis last-modified time of the XMP sidecar the photo was indexed with, 0
 *     when it had none: a sidecar edited, added or removed since is a change (of the tags only)
 */
public record FileState(
    Path path, String id, long size, long mtimeMillis, long sidecarMtimeMillis) {

  /** The state of a file indexed without a sidecar. */
  public FileState(Path path, String id, long size, long mtimeMillis) {
    this(path, id, size, mtimeMillis, 0);
  }

  public FileState {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(id, "id");
  }
}
