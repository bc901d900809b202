package io.clipsearch.ingest;

import io.clipsearch.ingest.IngestProgress.Phase;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The counters of one run and their throttled delivery to a listener.
 *
 * <p>Counters may be bumped from any thread; {@link #emit} and {@link #maybeEmit} are called only
 * by the thread running the job, so the listener is never called concurrently.
 */
final class ProgressTracker {

  final AtomicLong total = new AtomicLong();
  final AtomicLong embedded = new AtomicLong();
  final AtomicLong unchanged = new AtomicLong();
  final AtomicLong moved = new AtomicLong();
  final AtomicLong copied = new AtomicLong();
  final AtomicLong deleted = new AtomicLong();
  final AtomicLong failed = new AtomicLong();

  private final Consumer<IngestProgress> listener;
  private final long intervalNanos;
  private long lastEmit;

  /** New or changed files the scan has queued so far: what reading works through. */
  final AtomicLong toRead = new AtomicLong();

  /**
   * Queued files whose bytes were already indexed at the same path (touched, not changed): read,
   * then counted as {@link #unchanged}; counted here too, so reading's progress reaches {@link
   * #toRead}.
   */
  final AtomicLong rereadUnchanged = new AtomicLong();

  private final long readStart = System.nanoTime();
  private volatile boolean scanEnded;

  ProgressTracker(Consumer<IngestProgress> listener, long intervalNanos) {
    this.listener = listener;
    this.intervalNanos = intervalNanos;
    this.lastEmit = System.nanoTime() - intervalNanos;
  }

  /**
   * Marks the end of the scan: {@link #toRead} is final from here, so an ETA can be given. Reading
   * runs alongside the scan, so the rate counts from the start of the run.
   */
  void scanEnded() {
    scanEnded = true;
  }

  /** Sends a snapshot if the last one is older than the interval. */
  void maybeEmit(Phase phase) {
    if (System.nanoTime() - lastEmit >= intervalNanos) {
      emit(phase);
    }
  }

  /** Sends a snapshot now and returns it. */
  IngestProgress emit(Phase phase) {
    IngestProgress p = snapshot(phase);
    lastEmit = System.nanoTime();
    listener.accept(p);
    return p;
  }

  IngestProgress snapshot(Phase phase) {
    long read = embedded.get() + moved.get() + copied.get() + failed.get() + rereadUnchanged.get();
    long seen = read - rereadUnchanged.get() + unchanged.get();
    double rate = 0;
    OptionalDouble eta = OptionalDouble.empty();
    if (read > 0) {
      double seconds = (System.nanoTime() - readStart) / 1e9;
      rate = read / Math.max(seconds, 1e-3);
      if (!phase.finished() && scanEnded) {
        eta = OptionalDouble.of(Math.max(0, toRead.get() - read) / rate);
      }
    }
    return new IngestProgress(
        phase,
        seen,
        total.get(),
        embedded.get(),
        unchanged.get(),
        moved.get(),
        copied.get(),
        deleted.get(),
        failed.get(),
        rate,
        eta);
  }
}
