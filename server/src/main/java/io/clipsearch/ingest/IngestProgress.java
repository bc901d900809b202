package io.clipsearch.ingest;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A snapshot of an ingest run, as sent to its listener (and by the server as Server-Sent Events).
 * Immutable; counters only grow during a run.
 *
 * <p>Every file found ends in exactly one of {@code unchanged}, {@code embedded}, {@code moved},
 * {@code copied} or {@code failed}; {@code seen} is their sum. {@code deleted} counts index entries
 * whose file is gone.
 *
 * @param phase what the run is doing
 * @param seen files dealt with so far
 * @param total image files found by the scan (grows while {@link Phase#SCANNING})
 * @param embedded files decoded and embedded
 * @param unchanged files skipped because size and mtime match the index (not read)
 * @param moved files whose content the index held under a path that no longer exists: vector
 *     re-used, not embedded
 * @param copied files whose content the index holds under another existing path: vector re-used
 * @param deleted index entries removed because their file is gone
 * @param failed files skipped as unreadable or undecodable (see the report)
 * @param filesPerSecond files read (embedded, moved, copied, failed) per second so far
 * @param etaSeconds estimated seconds left, when there is a rate to estimate from
 */
public record IngestProgress(
    Phase phase,
    long seen,
    long total,
    long embedded,
    long unchanged,
    long moved,
    long copied,
    long deleted,
    long failed,
    double filesPerSecond,
    OptionalDouble etaSeconds) {

  /** The stages of a run, in order; a run ends in {@link #DONE} or {@link #CANCELLED}. */
  public enum Phase {
    /** Walking the root folders and comparing with the index. */
    SCANNING,
    /** Reading, decoding and embedding new and changed files. */
    INDEXING,
    /** Removing entries of deleted files and making everything durable. */
    COMMITTING,
    DONE,
    CANCELLED;

    public boolean finished() {
      return this == DONE || this == CANCELLED;
    }
  }

  public IngestProgress {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(etaSeconds, "etaSeconds");
  }

  /** One line for a terminal: phase, counts, rate and ETA. */
  public String line() {
    StringBuilder s =
        new StringBuilder(
            String.format(
                java.util.Locale.ROOT,
                "%-10s %d/%d files: %d embedded, %d unchanged, %d moved, %d copied, %d deleted, %d failed",
                phase.name().toLowerCase(java.util.Locale.ROOT),
                seen,
                total,
                embedded,
                unchanged,
                moved,
                copied,
                deleted,
                failed));
    if (filesPerSecond > 0) {
      s.append(String.format(java.util.Locale.ROOT, ", %.1f files/s", filesPerSecond));
    }
    etaSeconds.ifPresent(
        eta -> s.append(String.format(java.util.Locale.ROOT, ", ETA %.0f s", eta)));
    return s.toString();
  }
}
