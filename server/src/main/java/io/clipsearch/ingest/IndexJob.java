package io.clipsearch.ingest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One index job of {@link IndexJobs}: which collection, when it started and ended, its latest
 * progress, and how it ended (a report, or the failure). Written by the job's thread, read by any:
 * every getter returns a consistent value without locking.
 */
public final class IndexJob {

  private final String id;
  private final String collection;
  private final Instant started;
  private final IngestJob ingest;
  private volatile IngestProgress latest;
  private volatile Instant finished;
  private volatile Throwable failure;
  private volatile IngestReport report;

  /**
   * @param ingestFor makes the run, given where it reports progress
   * @param observer told of each progress after it is recorded here, on the job's thread
   */
  IndexJob(
      String id,
      String collection,
      Function<Consumer<IngestProgress>, IngestJob> ingestFor,
      BiConsumer<IndexJob, IngestProgress> observer) {
    this.id = Objects.requireNonNull(id, "id");
    this.collection = Objects.requireNonNull(collection, "collection");
    this.started = Instant.now();
    this.ingest =
        ingestFor.apply(
            p -> {
              latest = p;
              observer.accept(this, p);
            });
  }

  public String id() {
    return id;
  }

  public String collection() {
    return collection;
  }

  public Instant started() {
    return started;
  }

  /** The latest progress; empty until the scan reports its first. */
  public Optional<IngestProgress> latest() {
    return Optional.ofNullable(latest);
  }

  /** When it ended (finished, cancelled or failed); empty while it runs. */
  public Optional<Instant> finished() {
    return Optional.ofNullable(finished);
  }

  public boolean running() {
    return finished == null;
  }

  /** Why it failed; empty if it ran to the end or was cancelled. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** Its counters and skipped files, once it has ended without failing. */
  public Optional<IngestReport> report() {
    return Optional.ofNullable(report);
  }

  /** Asks it to stop; it commits what it has written. No effect once it has ended. */
  public void cancel() {
    ingest.cancel();
  }

  IngestJob ingest() {
    return ingest;
  }

  void ended(IngestReport report, Throwable failure) {
    this.report = report;
    this.failure = failure;
    this.finished = Instant.now();
  }
}
