package io.clipsearch.model.hub;

import io.clipsearch.model.hub.ModelDownloadException.Reason;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One pull of a {@link KnownModel} for a long-running process (the server): {@link #run()} pulls on
 * the caller's thread while any other thread reads a {@link Snapshot} of how far it got (bytes of
 * the whole model, the file being fetched) or {@link #cancel()}s it.
 *
 * <p>Cancelling keeps the {@code .part} files, as a dropped connection does, so the next pull of
 * the model resumes. A hub that cannot be reached ends the job {@link State#OFFLINE}, its message
 * saying in plain words how to place the folder by hand. Thread-safe; runs once.
 */
public final class PullJob {

  /** Where a pull is. */
  public enum State {
    RUNNING,
    DONE,
    FAILED,
    CANCELLED,
    OFFLINE
  }

  /**
   * How far a pull got.
   *
   * @param file the file being fetched, or null before the first
   * @param bytesDone bytes of the model's files on disk, counted as each file is reached
   * @param bytesTotal the size of all its files; 0 until the hub listed them
   * @param message why it failed or is offline, for people; null otherwise
   */
  public record Snapshot(
      State state, String file, long bytesDone, long bytesTotal, String message) {}

  private final ModelDownloader downloader;
  private final KnownModel model;
  private final Path modelsDir;
  private final Map<String, Long> doneByFile = new ConcurrentHashMap<>();
  private volatile long bytesTotal;
  private volatile String file;
  private volatile State state = State.RUNNING;
  private volatile String message;
  private volatile boolean cancelled;
  private volatile Thread runner;

  /**
   * @param modelsDir the folder the model's folder goes into
   */
  public PullJob(ModelDownloader downloader, KnownModel model, Path modelsDir) {
    this.downloader = Objects.requireNonNull(downloader, "downloader");
    this.model = Objects.requireNonNull(model, "model");
    this.modelsDir = Objects.requireNonNull(modelsDir, "modelsDir");
  }

  public KnownModel model() {
    return model;
  }

  /**
   * Pulls the model; returns when it is in place, has failed or was cancelled. The thread's
   * interrupt status is cleared on return when {@link #cancel()} set it.
   *
   * @return the model folder when the pull completed
   * @throws IllegalStateException if this job already ran
   */
  public Optional<Path> run() {
    synchronized (this) {
      if (runner != null) {
        throw new IllegalStateException("a pull job runs once");
      }
      runner = Thread.currentThread();
    }
    try {
      if (cancelled) {
        throw new CancellationException();
      }
      Path folder = downloader.pull(model, modelsDir, new Tracker());
      state = State.DONE;
      return Optional.of(folder);
    } catch (CancellationException e) {
      state = State.CANCELLED;
    } catch (ModelDownloadException e) {
      if (cancelled) {
        state = State.CANCELLED;
      } else if (e.reason() == Reason.UNREACHABLE) {
        message = offlineAdvice();
        state = State.OFFLINE;
      } else {
        message = e.getMessage();
        state = State.FAILED;
      }
    } catch (RuntimeException e) {
      message = "the pull of " + model.name() + " failed: " + e;
      state = State.FAILED;
    } finally {
      if (cancelled) {
        Thread.interrupted(); // our own interrupt, delivered or not: the thread goes on unharmed
      }
    }
    return Optional.empty();
  }

  /**
   * Stops the pull soon, even one waiting on a stalled connection; the files fetched so far stay.
   * Safe from any thread, any time.
   */
  public void cancel() {
    cancelled = true;
    synchronized (this) {
      if (runner != null && state == State.RUNNING) {
        runner.interrupt();
      }
    }
  }

  public Snapshot snapshot() {
    long done = doneByFile.values().stream().mapToLong(Long::longValue).sum();
    return new Snapshot(state, file, done, bytesTotal, message);
  }

  /** What to do without a network, in plain words. */
  private String offlineAdvice() {
    String host = downloader.baseUrl().getHost();
    return "Cannot reach "
        + host
        + ": you seem to be offline. To add "
        + model.name()
        + " by hand, download the files of "
        + downloader.baseUrl()
        + "/"
        + model.repo()
        + " (config.json, the visual/ and textual/ folders) on another machine and place them"
        + " in the folder "
        + modelsDir.resolve(model.name()).toAbsolutePath()
        + ", then open Models again and choose it.";
  }

  /** Records progress; throws to stop the transfer at the next read once cancelled. */
  private final class Tracker implements ProgressListener {
    @Override
    public void onListed(long total) {
      bytesTotal = total;
    }

    @Override
    public void onProgress(String path, long done, long total) {
      if (cancelled) {
        throw new CancellationException("pull of " + model.name() + " cancelled");
      }
      file = path;
      doneByFile.put(path, done);
    }
  }
}
