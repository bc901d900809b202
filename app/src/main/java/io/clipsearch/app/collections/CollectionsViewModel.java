package io.clipsearch.app.collections;

import io.clipsearch.api.types.CollectionInfo;
import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.api.types.JobInfo;
import io.clipsearch.api.types.JobReport;
import io.clipsearch.app.net.ClipsearchClient;
import io.clipsearch.app.net.PlainErrors;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Collections and their index jobs: list, create, add folders, start indexing and follow its
 * progress over Server-Sent Events, cancel, fetch the skipped-files report. Calls run on {@link
 * BackgroundTasks}; progress events are posted to the UI thread.
 *
 * <p>Confined to the UI thread; listeners run after each change.
 */
public final class CollectionsViewModel {

  /** How often the list (its photo counts) is reloaded while a job runs. */
  private static final Duration RELIST_WHILE_INDEXING = Duration.ofSeconds(3);

  private final ClipsearchClient client;
  private final BackgroundTasks tasks;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> indexed = new CopyOnWriteArrayList<>();
  private Consumer<String> errors = m -> {};

  private List<CollectionInfo> collections = List.of();
  private String jobId;
  private String jobCollection;
  private String lastJobId;
  private IngestStatus status;

  /** A job was asked for and its id has not come back yet. */
  private boolean starting;

  /** Cancel was pressed while the job was starting: it is cancelled as soon as it exists. */
  private boolean cancelWhenStarted;

  private String message;

  /** When the list was last reloaded for a running job ({@link System#nanoTime()}). */
  private long listedAt = System.nanoTime();

  /** What waits for the running job's end (see {@link #cancel(Runnable)}). */
  private final List<Runnable> jobEnded = new ArrayList<>();

  public CollectionsViewModel(ClipsearchClient client, BackgroundTasks tasks) {
    this.client = Objects.requireNonNull(client, "client");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
  }

  public void addListener(Runnable r) {
    listeners.add(r);
  }

  /** Runs when a job ends (the search results may have changed). */
  public void onIndexed(Runnable r) {
    indexed.add(r);
  }

  /** Where error messages go (a dialog in the app). */
  public void onError(Consumer<String> sink) {
    errors = Objects.requireNonNull(sink, "sink");
  }

  public List<CollectionInfo> collections() {
    return collections;
  }

  /** The running job's id, or null. */
  public String jobId() {
    return jobId;
  }

  /** The last finished job's id (its report can be shown), or null. */
  public String lastJobId() {
    return lastJobId;
  }

  /** The latest progress of the running (or last) job, or null. */
  /**
   * Whether a job is being started (asked for, no id yet): the bar reads "starting", not "idle".
   */
  public boolean starting() {
    return starting;
  }

  /** The collection the running job indexes, or null. */
  public String jobCollection() {
    return jobId == null ? null : jobCollection;
  }

  /** Photos the running (or last) job has not reached yet; 0 when unknown. */
  public long notYetIndexed() {
    return status == null ? 0 : Math.max(0, status.total() - status.seen());
  }

  /** Whether the last job ran to its end (not cancelled, not failed). */
  public boolean finishedAll() {
    return jobId == null && status != null && "DONE".equals(status.phase());
  }

  public IngestStatus status() {
    return status;
  }

  /** A one-line summary for the progress label, or null. */
  public String message() {
    return message;
  }

  /** Reloads the list; follows a job already running on the server. */
  public void refresh() {
    tasks.submit(
        client::collections,
        list -> {
          collections = List.copyOf(list);
          if (jobId == null) {
            list.stream()
                .filter(c -> c.activeJob() != null)
                .findFirst()
                .ifPresent(c -> follow(c.activeJob(), c.name()));
          }
          changed();
        },
        this::failed);
  }

  /** Creates {@code name} with {@code folder}, or adds the folder to it; then indexes it. */
  public void addFolder(String name, String folder) {
    starting = true;
    changed();
    tasks.submit(
        () -> client.createCollection(new CreateCollectionRequest(name, List.of(folder), null)),
        created -> {
          refresh();
          if (cancelWhenStarted) {
            starting = false;
            cancelWhenStarted = false;
            message = "Cancelled before indexing started.";
            changed();
            runJobEnded();
          } else {
            startIndexing(name);
          }
        },
        error -> {
          starting = false;
          failed(error);
          cancelledStartEnded();
        });
  }

  /** Starts indexing {@code name}'s folders and follows the job. */
  public void startIndexing(String name) {
    if (jobId != null) {
      errors.accept("A job is already running on " + jobCollection + ".");
      return;
    }
    message = "Starting…";
    status = null;
    starting = true;
    changed();
    tasks.submit(
        () -> client.startJob(name),
        job -> {
          starting = false;
          follow(job.id(), name);
          if (cancelWhenStarted) {
            cancelWhenStarted = false;
            cancel();
          }
        },
        error -> {
          starting = false;
          failed(error);
          cancelledStartEnded();
        });
  }

  /** Cancels the running job (it keeps what it has indexed). */
  public void cancel() {
    cancel(() -> {});
  }

  /**
   * Cancels the running job and runs {@code ended} once it has ended: after it committed what it
   * indexed, so {@link #notYetIndexed()} is then what the next run has left to do (quitting). A job
   * still being started (which can take half a minute on a first run) is cancelled as soon as it
   * exists. Runs {@code ended} at once when no job runs.
   */
  public void cancel(Runnable ended) {
    if (jobId == null && starting) {
      cancelWhenStarted = true;
      jobEnded.add(ended);
      message = "Cancelling…";
      changed();
      return;
    }
    if (jobId == null) {
      ended.run();
      return;
    }
    String id = jobId;
    jobEnded.add(ended);
    message = "Cancelling…";
    changed();
    tasks.submit(
        () -> {
          client.cancelJob(id);
          return id;
        },
        x -> {},
        this::failed);
  }

  /** Fetches a job's skipped-files report. */
  public void report(String id, Consumer<JobReport> show) {
    tasks.submit(() -> client.report(id), show::accept, this::failed);
  }

  /** Stops indexing {@code folder} of {@code name}; its images leave the index, the photos stay. */
  public void removeFolder(String name, String folder) {
    tasks.submit(() -> client.removeFolder(name, folder), removed -> refresh(), this::failed);
  }

  /** Deletes a collection's index (never the photos). */
  public void delete(String name) {
    tasks.submit(
        () -> {
          client.deleteCollection(name);
          return name;
        },
        n -> refresh(),
        this::failed);
  }

  private void follow(String id, String collection) {
    jobId = id;
    jobCollection = collection;
    changed();
    tasks.submit(
        () -> {
          client.followJob(id, s -> tasks.onUi(() -> progress(id, s)));
          return client.job(id);
        },
        this::finished,
        error -> {
          jobId = null;
          failed(error);
          runJobEnded();
        });
  }

  private void progress(String id, IngestStatus s) {
    if (id.equals(jobId)) {
      status = s;
      message = IndexProgress.describe(s);
      changed();
      long now = System.nanoTime();
      if (now - listedAt >= RELIST_WHILE_INDEXING.toNanos()) {
        listedAt = now;
        refresh(); // the photo counts grow as the job commits, not only at its end
      }
    }
  }

  private void finished(JobInfo job) {
    status = job.status();
    message =
        IndexProgress.describe(job.status()) + (job.error() == null ? "" : " — " + job.error());
    lastJobId = job.id();
    jobId = null;
    refresh();
    indexed.forEach(Runnable::run);
    changed();
    runJobEnded();
  }

  /** A start that was to be cancelled failed: nothing runs, so what waited for its end goes on. */
  private void cancelledStartEnded() {
    if (cancelWhenStarted) {
      cancelWhenStarted = false;
      runJobEnded();
    }
  }

  private void runJobEnded() {
    List<Runnable> waiting = List.copyOf(jobEnded);
    jobEnded.clear();
    waiting.forEach(Runnable::run);
  }

  private void failed(Throwable error) {
    errors.accept(PlainErrors.of(error));
    changed();
  }

  private void changed() {
    listeners.forEach(Runnable::run);
  }
}
