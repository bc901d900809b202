package io.clipsearch.api;

import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.api.types.JobInfo;
import io.clipsearch.api.types.JobReport;
import io.clipsearch.api.types.SkippedFileInfo;
import io.clipsearch.api.types.RetagReport;
import io.clipsearch.cluster.LabelVocabulary;
import io.clipsearch.cluster.ZeroShotLabeler;
import io.clipsearch.ingest.ImageTagger;
import io.clipsearch.ingest.IngestJob;
import io.clipsearch.ingest.IngestOptions;
import io.clipsearch.ingest.IngestProgress;
import io.clipsearch.ingest.IngestReport;
import io.clipsearch.ingest.Retagger;
import io.clipsearch.model.ClipModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Index jobs: starts them on a collection, tracks their progress, streams it, cancels them;
 * re-tags collections.
 *
 * <p>Tags come from one {@link ZeroShotLabeler} over the bundled vocabulary, made on first use
 * (the prompt-ensembled label vectors cost one batch of text inference) and shared by every job
 * and re-tag after: the model does not change while the server runs.
 *
 * <p>At most one job runs per collection; jobs run on their own threads, never on request
 * threads. Progress is kept as the latest snapshot and broadcast to subscribers, each of whom
 * first gets the latest one. Thread-safe. At shutdown running jobs are cancelled (they commit
 * what they have written).
 */
@Singleton
public class JobService {

  private static final Logger log = LoggerFactory.getLogger(JobService.class);

  /** A progress line in the server log this often, besides every phase change. */
  private static final long LOG_INTERVAL_NANOS = 5_000_000_000L;

  private final CollectionService collections;
  private final ClipModel model;
  private final ExecutorService runner =
      Executors.newCachedThreadPool(Thread.ofPlatform().name("index-job-", 1).factory());
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final Counter embedded;
  private ZeroShotLabeler labeler;

  public JobService(CollectionService collections, ClipModel model, MeterRegistry metrics) {
    this.collections = collections;
    this.model = model;
    this.embedded = Counter.builder("clipsearch.ingest.images")
        .description("images embedded by index jobs").register(metrics);
  }

  /**
   * Starts indexing a collection's folders.
   *
   * @throws NotFoundException if there is no such collection
   * @throws ConflictException if a job is already running on it
   */
  public synchronized JobInfo start(String collection) {
    OpenCollection c = collections.writable(collection);
    activeJob(c.name()).ifPresent(running -> {
      throw new ConflictException("collection " + c.name() + " is already being indexed by job " + running);
    });
    Job job = new Job(UUID.randomUUID().toString(), c.name(), Instant.now());
    IngestJob ingest = new IngestJob(model, c.index(), c.thumbs(), c.config().roots(),
        IngestOptions.defaults(), tagger(), job::progress);
    job.ingest = ingest;
    jobs.put(job.id, job);
    runner.submit(() -> job.run(c));
    log.info("index job {} started on collection {}", job.id, c.name());
    return job.info();
  }

  /**
   * Re-tags every image of a collection from its stored vector (no image is read), synchronously:
   * the call returns when the new tags are committed and searchable. Holds this service's lock
   * meanwhile, so no index job starts on any collection until it ends.
   *
   * @throws NotFoundException if there is no such collection
   * @throws ConflictException if an index job is running on it
   * @throws UncheckedIOException if the index cannot be read or written
   */
  public synchronized RetagReport retag(String collection) {
    OpenCollection c = collections.writable(collection);
    activeJob(c.name()).ifPresent(running -> {
      throw new ConflictException("collection " + c.name() + " is being indexed by job " + running
          + ": re-tag when it has ended");
    });
    long start = System.nanoTime();
    try {
      long images = new Retagger(c.index(), tagger()).run();
      double seconds = (System.nanoTime() - start) / 1e9;
      log.info("re-tagged {} images of {} in {} s", images, c.name(), String.format("%.1f", seconds));
      return new RetagReport(c.name(), images, seconds);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot re-tag collection " + c.name(), e);
    }
  }

  /** Zero-shot tags from the bundled vocabulary; called with this service's lock held. */
  private ImageTagger tagger() {
    if (labeler == null) {
      labeler = new ZeroShotLabeler(LabelVocabulary.defaults(), model::embedTexts);
    }
    return labeler::imageTags;
  }

  /** The id of the job running on a collection, if any. */
  public Optional<String> activeJob(String collection) {
    return jobs.values().stream()
        .filter(j -> j.collection.equals(collection) && j.finished == null)
        .map(j -> j.id).findFirst();
  }

  public List<JobInfo> list() {
    return jobs.values().stream().sorted(Comparator.comparing((Job j) -> j.started).reversed())
        .map(Job::info).toList();
  }

  /** @throws NotFoundException if there is no such job */
  public JobInfo get(String id) {
    return job(id).info();
  }

  /** Asks a job to stop; it commits what it has written. No effect on an ended job. */
  public JobInfo cancel(String id) {
    Job job = job(id);
    job.ingest.cancel();
    return job.info();
  }

  /**
   * Progress events of a job: the latest snapshot first, then each new one, completing when the
   * job ends.
   */
  public Flux<IngestStatus> progress(String id) {
    return job(id).sink.asFlux();
  }

  /**
   * The final counters and skipped files of an ended job.
   *
   * @throws ConflictException if it is still running
   */
  public JobReport report(String id) {
    Job job = job(id);
    IngestReport report = job.report;
    if (job.finished == null) {
      throw new ConflictException("job " + id + " is still running");
    }
    List<SkippedFileInfo> skipped = new ArrayList<>();
    if (report != null) {
      report.skipped().forEach(s -> skipped.add(
          new SkippedFileInfo(s.path().toString(), s.reason().name(), s.message())));
    }
    return new JobReport(job.info(), skipped);
  }

  private Job job(String id) {
    Job job = jobs.get(id);
    if (job == null) {
      throw new NotFoundException("no index job " + id);
    }
    return job;
  }

  @PreDestroy
  public void close() {
    jobs.values().forEach(j -> j.ingest.cancel());
    runner.shutdown();
  }

  static IngestStatus status(IngestProgress p) {
    return new IngestStatus(p.phase().name(), p.seen(), p.total(), p.embedded(), p.unchanged(),
        p.moved(), p.copied(), p.deleted(), p.failed(), p.filesPerSecond(),
        p.etaSeconds().isPresent() ? p.etaSeconds().getAsDouble() : null);
  }

  /** One job's state; fields written by its runner thread, read by request threads. */
  private final class Job {
    final String id;
    final String collection;
    final Instant started;
    final Sinks.Many<IngestStatus> sink = Sinks.many().replay().latest();
    volatile IngestJob ingest;
    volatile IngestStatus latest = new IngestStatus("SCANNING", 0, 0, 0, 0, 0, 0, 0, 0, 0, null);
    volatile Instant finished;
    volatile String error;
    volatile IngestReport report;
    private long lastEmbedded;
    private long lastLogNanos;
    private IngestProgress.Phase lastPhase;

    Job(String id, String collection, Instant started) {
      this.id = id;
      this.collection = collection;
      this.started = started;
      sink.tryEmitNext(latest);
    }

    void progress(IngestProgress p) {
      long now = System.nanoTime();
      if (p.phase() != lastPhase || now - lastLogNanos > LOG_INTERVAL_NANOS) {
        log.info("job {} on {}: {}", id, collection, p.line());
        lastPhase = p.phase();
        lastLogNanos = now;
      }
      latest = status(p);
      embedded.increment(p.embedded() - lastEmbedded);
      lastEmbedded = p.embedded();
      sink.tryEmitNext(latest);
    }

    void run(OpenCollection c) {
      try {
        report = ingest.run();
        c.index().refresh(); // searches see the whole run at once, not up to a second later
        report.write(c.layout().reportsDir());
      } catch (Exception | OutOfMemoryError e) {
        log.error("index job {} on {} failed", id, collection, e);
        error = Failures.describe(e);
        latest = new IngestStatus("FAILED", latest.seen(), latest.total(), latest.embedded(),
            latest.unchanged(), latest.moved(), latest.copied(), latest.deleted(), latest.failed(),
            latest.filesPerSecond(), null);
        sink.tryEmitNext(latest);
      } finally {
        finished = Instant.now();
        sink.tryEmitComplete();
      }
    }

    JobInfo info() {
      return new JobInfo(id, collection, started, finished, latest, error);
    }
  }
}
