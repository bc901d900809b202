package io.clipsearch.lab;

import java.util.Locale;

/**
 * How far a long run has got: items done of a total, and the time taken so far. Immutable.
 *
 * @param done items finished
 * @param total items in the run
 * @param elapsedNanos time since the run started
 */
public record Progress(int done, int total, long elapsedNanos) {

  public Progress {
    if (done < 0 || total < done || elapsedNanos < 0) {
      throw new IllegalArgumentException(
          "bad progress " + done + "/" + total + " in " + elapsedNanos + " ns");
    }
  }

  public double itemsPerSecond() {
    return elapsedNanos == 0 ? 0 : done / (elapsedNanos / 1e9);
  }

  /** Seconds left at the rate so far; 0 when done, NaN before the first item. */
  public double etaSeconds() {
    return done == total ? 0 : done == 0 ? Double.NaN : (total - done) / itemsPerSecond();
  }

  /** {@code "images 640/1000 (64%) 25.3 images/s ETA 14 s"}. */
  public String line(String what) {
    double eta = etaSeconds();
    return String.format(
        Locale.ROOT,
        "%s %d/%d (%d%%)  %.1f %s/s  ETA %s",
        what,
        done,
        total,
        total == 0 ? 100 : done * 100L / total,
        itemsPerSecond(),
        what,
        Double.isNaN(eta) ? "?" : Math.round(eta) + " s");
  }
}
