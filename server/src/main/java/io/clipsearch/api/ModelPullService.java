package io.clipsearch.api;

import io.clipsearch.api.config.DataConfig;
import io.clipsearch.api.config.ModelConfig;
import io.clipsearch.api.config.ModelsConfig;
import io.clipsearch.api.errors.NotFoundException;
import io.clipsearch.api.types.ModelCheck;
import io.clipsearch.api.types.PullStatus;
import io.clipsearch.model.LoadOptions;
import io.clipsearch.model.ModelVerifier;
import io.clipsearch.model.hub.KnownModel;
import io.clipsearch.model.hub.KnownModels;
import io.clipsearch.model.hub.ModelDownloader;
import io.clipsearch.model.hub.PullJob;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls of catalog models for the API: each runs in the background ({@code model-pull-N}) as {@code
 * clipsearch models pull} does (resumable, every file's size and hash checked), then the folder is
 * verified ({@link ModelVerifier}: loaded on its engines, shapes, norms, batch equals single). One
 * pull per model at a time; starting a running one returns its status. Cancelling keeps the part
 * files, so the next pull resumes. Verification results are kept while the server runs.
 *
 * <p>Thread-safe. At shutdown the pulls are cancelled and awaited, then the HTTP client closes.
 */
@Singleton
public class ModelPullService {

  private static final Logger log = LoggerFactory.getLogger(ModelPullService.class);

  private final ModelDownloader downloader;
  private final Path modelsDir;
  private final LoadOptions verifyOptions;
  private final Map<String, Pull> pulls = new ConcurrentHashMap<>();
  private final Set<Path> verified = ConcurrentHashMap.newKeySet();
  private final ExecutorService runner =
      Executors.newCachedThreadPool(Thread.ofPlatform().name("model-pull-", 1).factory());

  public ModelPullService(ModelsConfig models, ModelConfig model, DataConfig data) {
    this.downloader =
        new ModelDownloader(
            models.hub(),
            models.token(),
            ModelDownloader.DEFAULT_CONNECT_TIMEOUT,
            ModelDownloader.DEFAULT_IDLE_TIMEOUT);
    this.modelsDir = models.dir();
    this.verifyOptions = ModelFactory.loadOptions(model, data);
  }

  /**
   * Starts pulling a catalog model, or returns the status of its running pull.
   *
   * @throws NotFoundException if the catalog has no such model
   */
  public synchronized PullStatus start(String name) {
    KnownModel model = known(name);
    Pull running = pulls.get(model.name());
    if (running != null && running.busy()) {
      return running.status();
    }
    Pull pull = new Pull(new PullJob(downloader, model, modelsDir));
    pulls.put(model.name(), pull);
    runner.submit(() -> run(pull));
    log.info("pull of {} from {} started", model.name(), downloader.baseUrl());
    return pull.status();
  }

  /**
   * The latest pull of a model since the server started.
   *
   * @throws NotFoundException if it has not been pulled since
   */
  public PullStatus status(String name) {
    return pull(name).status();
  }

  /**
   * Stops a model's pull; the files fetched so far stay for the next one. No effect on an ended
   * pull.
   *
   * @throws NotFoundException if it has not been pulled since the server started
   */
  public PullStatus cancel(String name) {
    Pull pull = pull(name);
    pull.job.cancel();
    return pull.status();
  }

  /** Whether a pull of this catalog model is downloading or verifying. */
  boolean pulling(String name) {
    Pull p = pulls.get(name);
    return p != null && p.busy();
  }

  /** Whether this folder passed verification after a pull while the server runs. */
  boolean verified(Path folder) {
    return verified.contains(folder.toAbsolutePath().normalize());
  }

  /** Where pulled models go. */
  Path modelsDir() {
    return modelsDir;
  }

  /** The hub's address. */
  String hub() {
    return downloader.baseUrl().toString();
  }

  private void run(Pull pull) {
    Optional<Path> folder = pull.job.run();
    if (folder.isEmpty()) {
      log.info("pull of {} ended: {}", pull.job.model().name(), pull.job.snapshot().state());
      return;
    }
    pull.verification = "VERIFYING";
    try {
      List<ModelCheck> checks =
          new ModelVerifier()
              .verify(folder.get(), verifyOptions).stream()
                  .map(c -> new ModelCheck(c.name(), c.passed(), c.detail()))
                  .toList();
      pull.checks = checks;
      List<String> failed = checks.stream().filter(c -> !c.passed()).map(ModelCheck::name).toList();
      if (failed.isEmpty()) {
        verified.add(folder.get().toAbsolutePath().normalize());
        pull.verification = "VERIFIED";
      } else {
        pull.message =
            "The download is complete but the model failed verification ("
                + String.join(", ", failed)
                + "): it cannot be used as it is.";
        pull.verification = "FAILED";
      }
    } catch (Exception e) {
      pull.message = "The model could not be verified: " + e.getMessage();
      pull.verification = "FAILED";
    }
    log.info("pull of {} ended: {}", pull.job.model().name(), pull.verification);
  }

  private KnownModel known(String name) {
    return KnownModels.find(name)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "no model '"
                        + name
                        + "' in the catalog; known models: "
                        + KnownModels.all().stream()
                            .map(KnownModel::name)
                            .collect(Collectors.joining(", "))));
  }

  private Pull pull(String name) {
    KnownModel model = known(name);
    Pull pull = pulls.get(model.name());
    if (pull == null) {
      throw new NotFoundException("no pull of " + model.name() + " since the server started");
    }
    return pull;
  }

  /** Cancels the running pulls, waits for them, and closes the HTTP client. */
  @PreDestroy
  public void close() {
    pulls.values().forEach(p -> p.job.cancel());
    runner.shutdown();
    try {
      if (!runner.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("model pulls still running after 30 s: closing anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    downloader.close();
  }

  /** One pull: the download, then the verification; written by its thread, read by any. */
  private static final class Pull {
    final PullJob job;
    volatile String verification; // null until the download is complete
    volatile List<ModelCheck> checks = List.of();
    volatile String message;

    Pull(PullJob job) {
      this.job = job;
    }

    boolean busy() {
      PullJob.Snapshot s = job.snapshot();
      return s.state() == PullJob.State.RUNNING
          || (s.state() == PullJob.State.DONE
              && (verification == null || verification.equals("VERIFYING")));
    }

    PullStatus status() {
      PullJob.Snapshot s = job.snapshot();
      String state =
          s.state() == PullJob.State.DONE
              ? (verification == null ? "VERIFYING" : verification)
              : s.state().name();
      return new PullStatus(
          job.model().name(),
          state,
          s.file(),
          s.bytesDone(),
          s.bytesTotal(),
          s.message() != null ? s.message() : message,
          checks);
    }
  }
}
