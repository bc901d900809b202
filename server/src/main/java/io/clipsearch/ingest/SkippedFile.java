package io.clipsearch.ingest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file or folder ingest left out, and why. Immutable.
 *
 * @param path the file or folder
 * @param reason the kind of problem
 * @param message what went wrong, for people
 */
public record SkippedFile(Path path, SkipReason reason, String message) {
  public SkippedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
