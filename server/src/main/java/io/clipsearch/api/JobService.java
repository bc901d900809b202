package io.clipsearch.api;

import io.clipsearch.api.config.ImageAccessConfig;
import io.clipsearch.api.errors.ConflictException;
import io.clipsearch.api.errors.NotFoundException;
import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.api.types.JobInfo;
import io.clipsearch.api.types.JobReport;
import io.clipsearch.api.types.RetagReport;
import io.clipsearch.api.types.SkippedFileInfo;
import io.clipsearch.collection.CollectionRegistry;
import io.clipsearch.ingest.IndexJob;
import io.clipsearch.ingest.IndexJobs;
import io.clipsearch.ingest.IngestOptions;
import io.clipsearch.ingest.IngestProgress;
import io.clipsearch.model.ClipModel;
import io.clipsearch.people.FaceFinders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Index jobs as the API shows them: {@link IndexJobs} runs them; this maps them to {@link JobInfo},
 * streams each job's progress to any number of subscribers (each first gets the latest snapshot),
 * counts embedded images for the metrics, and answers 404/409 for unknown or running jobs.
 *
 * <p>Tags come from the server's one {@link ServerLabeler}, made when the first job or re-tag needs
 * it and shared by every one after, until the library switches model: jobs stop for the switch
 * ({@link #stoppedWhile}), and the next ones tag with the new model. A job does not wait for it:
 * while it is made, the job scans and embeds, and tags what it missed at its end.
 *
 * <p>At shutdown the running jobs are cancelled and awaited (they commit what they have written)
 * before the collections' indexes close: the registry is a dependency of this bean, so it is
 * destroyed after it. Thread-safe.
 */
@Singleton
public class JobService implements IndexJobs.Observer {

  private static final Logger log = LoggerFactory.getLogger(JobService.class);

  private final IndexJobs jobs;
  private final IngestOptions options;
  private final Counter embedded;
  private final Map<String, Progress> streams = new ConcurrentHashMap<>();
  private final CollectionRegistry collections;
  private final QueryWarmer warmer;

  public JobService(
      CollectionRegistry collections,
      ClipModel model,
      ServerLabeler labeler,
      MeterRegistry metrics,
      ImageAccessConfig access,
      FaceFinders faces,
      QueryWarmer warmer) {
    this.collections = collections;
    this.warmer = warmer;
    this.embedded =
        Counter.builder("clipsearch.ingest.images")
            .description("images embedded by index jobs")
            .register(metrics);
    // the rule that serves files decides what gets indexed: no link followed unless configured
    this.options =
        IngestOptions.defaults().withFollowLinksOutOfRoots(access.followLinksOutOfRoots());
    this.jobs = new IndexJobs(collections, model, labeler::tagger, faces, options, this);
  }

  /**
   * Starts indexing a collection's folders.
   *
   * @throws io.clipsearch.collection.NoSuchCollectionException if there is no such collection
   * @throws io.clipsearch.ingest.CollectionBusyException if a job is already running on it
   */
  public JobInfo start(String collection) {
    return info(jobs.start(collection));
  }

  /**
   * Re-tags every image of a collection from its stored vector, synchronously ({@link
   * IndexJobs#retag}).
   */
  public RetagReport retag(String collection) {
    IndexJobs.Retagged r = jobs.retag(collection);
    return new RetagReport(r.collection(), r.images(), r.seconds());
  }

  /** Runs {@code action} while no job indexes the collection ({@link IndexJobs#whileIdle}). */
  <T> T whileIdle(String collection, Supplier<T> action) {
    return jobs.whileIdle(collection, action);
  }

  /** The options of every index job: a re-index for another model runs with the same. */
  IngestOptions ingestOptions() {
    return options;
  }

  /**
   * Stops every running job and runs {@code action} while none can start ({@link
   * IndexJobs#stoppedWhile}).
   */
  List<String> stoppedWhile(Runnable action) {
    return jobs.stoppedWhile(action);
  }

  /** The id of the job running on a collection, if any. */
  public Optional<String> activeJob(String collection) {
    return jobs.active(collection).map(IndexJob::id);
  }

  public List<JobInfo> list() {
    return jobs.list().stream().map(JobService::info).toList();
  }

  /**
   * @throws NotFoundException if there is no such job
   */
  public JobInfo get(String id) {
    return info(job(id));
  }

  /** Asks a job to stop; it commits what it has written. No effect on an ended job. */
  public JobInfo cancel(String id) {
    IndexJob job = job(id);
    job.cancel();
    return info(job);
  }

  /**
   * Progress events of a job: the latest snapshot first, then each new one, completing when the job
   * ends.
   *
   * @throws NotFoundException if there is no such job
   */
  public Flux<IngestStatus> progress(String id) {
    job(id);
    return streams.get(id).sink.asFlux();
  }

  /**
   * The final counters and skipped files of an ended job.
   *
   * @throws NotFoundException if there is no such job
   * @throws ConflictException if it is still running
   */
  public JobReport report(String id) {
    IndexJob job = job(id);
    if (job.running()) {
      throw new ConflictException("job " + id + " is still running");
    }
    List<SkippedFileInfo> skipped =
        job.report()
            .map(
                r ->
                    r.skipped().stream()
                        .map(
                            s ->
                                new SkippedFileInfo(
                                    s.path().toString(), s.reason().name(), s.message()))
                        .toList())
            .orElse(List.of());
    return new JobReport(info(job), skipped);
  }

  @Override
  public void started(IndexJob job) {
    Progress p = new Progress();
    streams.put(job.id(), p);
    p.sink.tryEmitNext(status(job));
  }

  @Override
  public void progress(IndexJob job, IngestProgress progress) {
    Progress p = streams.get(job.id());
    embedded.increment(progress.embedded() - p.lastEmbedded);
    p.lastEmbedded = progress.embedded();
    p.sink.tryEmitNext(status(job));
  }

  @Override
  public void ended(IndexJob job) {
    IngestStatus last = status(job);
    Sinks.Many<IngestStatus> sink = streams.get(job.id()).sink;
    sink.tryEmitNext(last); // DONE, CANCELLED or FAILED: the last phase once it is true
    sink.tryEmitComplete();
    if (last.phase().equals("DONE")) { // the warmer tells whether it still needs warming
      try {
        warmer.afterJob(collections.get(job.collection()));
      } catch (RuntimeException e) { // deleted meanwhile, or its index is gone: nothing to warm
        log.debug("no query warm-up after job {}: {}", job.id(), e.toString());
      }
    }
  }

  /** Cancels the running jobs and waits until they have committed and ended. */
  @PreDestroy
  public void close() {
    jobs.close();
  }

  private IndexJob job(String id) {
    return jobs.get(id).orElseThrow(() -> new NotFoundException("no index job " + id));
  }

  private static JobInfo info(IndexJob job) {
    return new JobInfo(
        job.id(),
        job.collection(),
        job.started(),
        job.finished().orElse(null),
        status(job),
        job.failure().map(Failures::describe).orElse(null));
  }

  /**
   * The job's latest progress; a failed job's phase reads FAILED, and a job whose run has emitted
   * its last phase but that has not ended (its index not yet refreshed for searches, {@code
   * finished} not yet set) reads COMMITTING: DONE means searchable and finished.
   */
  private static IngestStatus status(IndexJob job) {
    IngestStatus s =
        job.latest()
            .map(JobService::status)
            .orElse(new IngestStatus("SCANNING", 0, 0, 0, 0, 0, 0, 0, 0, 0, null));
    if (job.failure().isPresent()) {
      return withPhase(s, "FAILED");
    }
    boolean lastPhase = s.phase().equals("DONE") || s.phase().equals("CANCELLED");
    return lastPhase && job.running() ? withPhase(s, "COMMITTING") : s;
  }

  private static IngestStatus withPhase(IngestStatus s, String phase) {
    return new IngestStatus(
        phase,
        s.seen(),
        s.total(),
        s.embedded(),
        s.unchanged(),
        s.moved(),
        s.copied(),
        s.deleted(),
        s.failed(),
        s.filesPerSecond(),
        null);
  }

  /** A progress snapshot as the API shows it: for index jobs and re-indexing alike. */
  static IngestStatus status(IngestProgress p) {
    return new IngestStatus(
        p.phase().name(),
        p.seen(),
        p.total(),
        p.embedded(),
        p.unchanged(),
        p.moved(),
        p.copied(),
        p.deleted(),
        p.failed(),
        p.filesPerSecond(),
        p.etaSeconds().isPresent() ? p.etaSeconds().getAsDouble() : null);
  }

  /** A job's progress stream; the counter delta is written by the job's thread only. */
  private static final class Progress {
    final Sinks.Many<IngestStatus> sink = Sinks.many().replay().latest();
    long lastEmbedded;
  }
}
