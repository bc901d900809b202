package io.clipsearch.app.collections;

import io.clipsearch.api.types.IngestStatus;
import java.util.Locale;

/** How an index job's {@link IngestStatus} reads on screen. Stateless. */
public final class IndexProgress {

  private IndexProgress() {}

  /**
   * Files to see before the ETA is shown: the first files pay for warming the model up, so an
   * estimate from them runs several times too long.
   */
  static final int ETA_AFTER_FILES = 10;

  /**
   * 0–100 for a progress bar, or -1 while the total is unknown (scanning). A cancelled or failed
   * job shows how far it got, not 100.
   */
  public static int percent(IngestStatus s) {
    if ("DONE".equals(s.phase())) {
      return 100;
    }
    if (s.total() <= 0 || "SCANNING".equals(s.phase())) {
      return -1;
    }
    return (int) Math.min(100, Math.round(100.0 * s.seen() / s.total()));
  }

  /** E.g. "Indexing 120 of 480 files · 12.5 files/s · about 29 s left · 2 errors". */
  public static String describe(IngestStatus s) {
    StringBuilder b = new StringBuilder();
    switch (s.phase()) {
      case "SCANNING" -> b.append("Scanning folders… ").append(s.seen()).append(" files found");
      case "INDEXING" ->
          b.append("Indexing ").append(s.seen()).append(" of ").append(s.total()).append(" files");
      case "COMMITTING" -> b.append("Saving the index…");
      case "DONE" ->
          b.append("Done: ")
              .append(s.embedded())
              .append(" new, ")
              .append(s.unchanged())
              .append(" unchanged");
      case "CANCELLED" ->
          b.append("Cancelled after ").append(s.seen()).append(" files (what was indexed is kept)");
      case "FAILED" -> b.append("Failed after ").append(s.seen()).append(" files");
      default -> b.append(s.phase());
    }
    if ("INDEXING".equals(s.phase())) {
      b.append(String.format(Locale.ROOT, " · %.1f files/s", s.filesPerSecond()));
      if (s.etaSeconds() == null || s.seen() < Math.max(ETA_AFTER_FILES, s.total() / 50)) {
        b.append(" · estimating the time left…");
      } else {
        b.append(" · about ").append(duration(s.etaSeconds())).append(" left");
      }
    }
    if (s.moved() + s.deleted() > 0) {
      b.append(" · ").append(s.moved()).append(" moved, ").append(s.deleted()).append(" removed");
    }
    if (s.failed() > 0) {
      b.append(" · ").append(s.failed()).append(s.failed() == 1 ? " error" : " errors");
    }
    return b.toString();
  }

  static String duration(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return (s / 60) + " min " + (s % 60) + " s";
    }
    return (s / 3600) + " h " + (s % 3600 / 60) + " min";
  }
}
