package io.clipsearch.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An index is held by another writer, almost always another clipsearch process on the same data
 * folder: only one may write an index at a time, so it cannot be opened here. Engine-neutral (the
 * embedded engine throws it for Lucene's write lock) so that {@code collection} can turn it into a
 * domain error without knowing the engine.
 */
public final class IndexLockedException extends IOException {

  private final Path lockFile;
  private final OptionalLong holderPid;

  /**
   * @param lockFile the lock the other writer holds
   * @param holderPid the process holding it, when the operating system tells
   */
  public IndexLockedException(Path lockFile, OptionalLong holderPid, Throwable cause) {
    super(
        "the index lock "
            + lockFile
            + " is held by another process"
            + (holderPid.isPresent() ? " (pid " + holderPid.getAsLong() + ")" : ""),
        cause);
    this.lockFile = Objects.requireNonNull(lockFile, "lockFile");
    this.holderPid = Objects.requireNonNull(holderPid, "holderPid");
  }

  public Path lockFile() {
    return lockFile;
  }

  public OptionalLong holderPid() {
    return holderPid;
  }
}
