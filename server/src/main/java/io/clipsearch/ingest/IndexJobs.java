package io.clipsearch.ingest;

import io.clipsearch.collection.CollectionRegistry;
import io.clipsearch.collection.IndexUpkeep;
import io.clipsearch.collection.NoSuchCollectionException;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.model.BackgroundPriority;
import io.clipsearch.model.ClipModel;
import io.clipsearch.people.FaceFinders;
import io.clipsearch.people.PhotoFaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index jobs of a long-running process (the server) over the collections of a {@link
 * CollectionRegistry}: starts them, lists them, cancels them, re-tags a collection, and runs an
 * action on a collection only while no job writes to it.
 *
 * <p>Threading: each job runs on its own platform thread ({@code index-job-N}, never a request
 * thread); at most one job per collection. Starting, re-tagging and {@link #whileIdle} hold this
 * object's lock, so no job starts while one of them runs. Thread-safe.
 *
 * <p>Closing cancels every running job and <em>waits</em> for each to commit and end before it
 * returns: close this before the registry, which then closes the indexes no job writes to any more.
 */
public final class IndexJobs implements AutoCloseable {

  /** Told of a job's life, on the job's thread (started: on the caller's); must not throw. */
  public interface Observer {
    /** Before the job runs. */
    void started(IndexJob job);

    /** A progress snapshot, already recorded in {@link IndexJob#latest()}. */
    void progress(IndexJob job, IngestProgress progress);

    /** It has ended; {@link IndexJob#finished()} is set. */
    void ended(IndexJob job);
  }

  /** A re-tag's outcome. */
  public record Retagged(String collection, long images, double seconds) {}

  private static final Logger log = LoggerFactory.getLogger(IndexJobs.class);

  /** A progress line in the log this often, besides every phase change. */
  private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

  /** The longest {@link #close()} waits for cancelled jobs to commit. */
  private static final long CLOSE_WAIT_SECONDS = 120;

  private final CollectionRegistry collections;
  private final ClipModel model;
  private final Supplier<ImageTagger> tagger;
  private final FaceFinders faces;
  private final IngestOptions options;
  private final Observer observer;
  // background priority: a job yields the CPU to searches (its workers inherit it)
  private final ExecutorService runner =
      Executors.newCachedThreadPool(
          runnable ->
              Thread.ofPlatform()
                  .name("index-job-", 1)
                  .unstarted(
                      () -> {
                        BackgroundPriority.lowerCurrentThread();
                        runnable.run();
                      }));
  private final Map<String, IndexJob> jobs = new ConcurrentHashMap<>();
  private boolean closed; // guarded by this

  /**
   * @param tagger the tagger for new images, asked for on each start and re-tag; for a start it may
   *     be a {@link DeferredTagger}, whose misses the job tags when it has scanned
   * @param faces finds the faces of the photos jobs decode; not closed here
   * @param options of every job
   */
  public IndexJobs(
      CollectionRegistry collections,
      ClipModel model,
      Supplier<ImageTagger> tagger,
      FaceFinders faces,
      IngestOptions options,
      Observer observer) {
    this.collections = Objects.requireNonNull(collections, "collections");
    this.model = Objects.requireNonNull(model, "model");
    this.tagger = Objects.requireNonNull(tagger, "tagger");
    this.faces = Objects.requireNonNull(faces, "faces");
    this.options = Objects.requireNonNull(options, "options");
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /**
   * Starts indexing a collection's folders.
   *
   * @throws NoSuchCollectionException if there is no such collection
   * @throws CollectionBusyException if a job is already running on it
   * @throws IllegalStateException if this has been closed
   */
  public synchronized IndexJob start(String collection) {
    if (closed) {
      throw new IllegalStateException("shutting down: no new index jobs");
    }
    OpenCollection c = collections.writable(collection);
    active(c.name())
        .ifPresent(
            running -> {
              throw new CollectionBusyException(
                  "collection " + c.name() + " is already being indexed by job " + running.id());
            });
    ProgressLog progressLog = new ProgressLog();
    ImageTagger jobTagger = tagger.get();
    IndexJob job =
        new IndexJob(
            UUID.randomUUID().toString(),
            c.name(),
            listener ->
                new IngestJob(
                    model,
                    c.index(),
                    c.backend(),
                    c.thumbs(),
                    c.config().roots(),
                    options,
                    jobTagger,
                    new PhotoFaces(faces, c.people()),
                    listener),
            (j, p) -> {
              progressLog.accept(j, p);
              observer.progress(j, p);
            });
    jobs.put(job.id(), job);
    observer.started(job);
    runner.submit(() -> run(job, c, jobTagger));
    log.info("index job {} started on collection {}", job.id(), c.name());
    return job;
  }

  /**
   * Re-tags every image of a collection from its stored vector (no image is read), synchronously:
   * returns when the new tags are committed and searchable. No index job starts meanwhile.
   *
   * @throws NoSuchCollectionException if there is no such collection
   * @throws CollectionBusyException if an index job is running on it
   * @throws UncheckedIOException if the index cannot be read or written
   */
  public synchronized Retagged retag(String collection) {
    return whileIdle(
        collection,
        () -> {
          OpenCollection c = collections.writable(collection);
          long start = System.nanoTime();
          try {
            long images = new Retagger(c.index(), c.backend(), readyTagger()).run();
            double seconds = (System.nanoTime() - start) / 1e9;
            log.info(
                "re-tagged {} images of {} in {} s",
                images,
                c.name(),
                String.format("%.1f", seconds));
            return new Retagged(c.name(), images, seconds);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot re-tag collection " + c.name(), e);
          }
        });
  }

  /** The tagger, waiting for its vocabulary if it is still being made: a re-tag needs it whole. */
  private ImageTagger readyTagger() {
    ImageTagger t = tagger.get();
    if (!(t instanceof DeferredTagger deferred)) {
      return t;
    }
    try {
      return deferred.await();
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "the tag vocabulary could not be made: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the tag vocabulary was made", e);
    }
  }

  /**
   * Runs {@code action} while no job runs on the collection, and none can start.
   *
   * @throws CollectionBusyException if a job is running on it
   */
  public synchronized <T> T whileIdle(String collection, Supplier<T> action) {
    active(collection)
        .ifPresent(
            running -> {
              throw new CollectionBusyException(
                  "collection "
                      + collection
                      + " is being indexed by job "
                      + running.id()
                      + ": cancel it or wait until it has ended");
            });
    return action.get();
  }

  /**
   * Stops every running job, waits until each has committed and ended, then runs {@code action}
   * while no job can start: for a switch of model, which must not close a model a job embeds with.
   *
   * @return the collections whose jobs were stopped, to index again afterwards
   * @throws IllegalStateException if a job does not end within {@value #CLOSE_WAIT_SECONDS} s (then
   *     {@code action} does not run)
   */
  public synchronized List<String> stoppedWhile(Runnable action) {
    List<IndexJob> running = jobs.values().stream().filter(IndexJob::running).toList();
    running.forEach(IndexJob::cancel);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_WAIT_SECONDS);
    for (IndexJob job : running) {
      while (job.running()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "index job " + job.id() + " on " + job.collection() + " did not stop");
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while index jobs stopped", e);
        }
      }
    }
    action.run();
    return running.stream().map(IndexJob::collection).distinct().toList();
  }

  /** The job running on a collection, if any. */
  public Optional<IndexJob> active(String collection) {
    return jobs.values().stream()
        .filter(j -> j.collection().equals(collection) && j.running())
        .findFirst();
  }

  /** Every job since start, newest first. */
  public List<IndexJob> list() {
    return jobs.values().stream()
        .sorted(Comparator.comparing(IndexJob::started).reversed())
        .toList();
  }

  public Optional<IndexJob> get(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  private void run(IndexJob job, OpenCollection c, ImageTagger jobTagger) {
    IngestReport report = null;
    Throwable failure = null;
    try {
      report = job.ingest().run();
      tagMissed(job, c, jobTagger);
      c.index().refresh(); // searches see the whole run at once, not up to a second later
      IndexUpkeep.afterBulkWrite(c);
      report.write(c.layout().reportsDir());
    } catch (Exception | OutOfMemoryError e) {
      log.error("index job {} on {} failed", job.id(), job.collection(), e);
      failure = e;
    } finally {
      job.ended(report, failure);
      observer.ended(job);
    }
  }

  /**
   * Tags the photos a model's first job indexed before the tag vocabulary was ready, from their
   * stored vectors, once it is; unless the job was cancelled (a shutdown does not wait for it):
   * then they stay untagged until a re-tag.
   */
  private static void tagMissed(IndexJob job, OpenCollection c, ImageTagger jobTagger)
      throws IOException, InterruptedException {
    if (!(jobTagger instanceof DeferredTagger deferred) || deferred.missed() == 0) {
      return;
    }
    Optional<ImageTagger> ready = deferred.awaitUnless(job.ingest()::cancelRequested);
    if (ready.isEmpty()) {
      log.info(
          "{} photos of {} indexed before the tag vocabulary was ready stay untagged",
          deferred.missed(),
          c.name());
      return;
    }
    c.index().refresh(); // the re-tag reads what the job wrote
    long tagged = new Retagger(c.index(), c.backend(), ready.get()).runUntagged();
    log.info("tagged {} photos of {} indexed before the tag vocabulary", tagged, c.name());
  }

  /**
   * Cancels every running job and waits until each has committed and ended (at most {@value
   * #CLOSE_WAIT_SECONDS} s); no job starts after.
   */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    jobs.values().forEach(IndexJob::cancel);
    runner.shutdown();
    try {
      if (!runner.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        log.warn("index jobs still running after {} s: closing anyway", CLOSE_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Logs a job's progress at each phase change and every few seconds between. */
  private static final class ProgressLog {
    private long lastNanos;
    private IngestProgress.Phase lastPhase;

    void accept(IndexJob job, IngestProgress p) {
      long now = System.nanoTime();
      if (p.phase() != lastPhase || now - lastNanos > LOG_INTERVAL_NANOS) {
        log.info("job {} on {}: {}", job.id(), job.collection(), p.line());
        lastPhase = p.phase();
        lastNanos = now;
      }
    }
  }
}
