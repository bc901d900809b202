package io.clipsearch.api;

import io.clipsearch.api.config.DataConfig;
import io.clipsearch.api.config.ModelConfig;
import io.clipsearch.api.errors.ConflictException;
import io.clipsearch.api.errors.NotFoundException;
import io.clipsearch.api.types.ActivationStatus;
import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.collection.CollectionOpener;
import io.clipsearch.collection.CollectionRegistry;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.ingest.ModelReindex;
import io.clipsearch.model.ActiveModel;
import io.clipsearch.model.BackgroundPriority;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.model.hub.ModelShelf;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the library to another model while search goes on ({@code POST
 * /api/models/{name}/activate}), on one background thread ({@code model-switch}):
 *
 * <ol>
 *   <li>loads the new model beside the active one;
 *   <li>re-embeds every collection into the new model's own index ({@link ModelReindex}), while
 *       searches and index jobs keep using the old model and the old indexes;
 *   <li>stops running index jobs (they commit), then in one step serves the new collections ({@link
 *       CollectionRegistry#switchTo}) and the new model ({@link ActiveModel#switchTo}): requests
 *       from then on use both; the old model and indexes close once the requests that began on them
 *       have ended; the stopped jobs start again on the new model;
 *   <li>remembers the choice in the data folder for the next start ({@link ModelSelection}).
 * </ol>
 *
 * <p>Cancelling or a failure before the switch leaves the old model active and closes the new one;
 * what the re-index committed stays, so the next switch to that model resumes it. One switch at a
 * time. Thread-safe; at shutdown a running switch is cancelled and awaited.
 */
@Singleton
public class ModelActivationService {

  private static final Logger log = LoggerFactory.getLogger(ModelActivationService.class);

  private final ModelCatalogService catalog;
  private final ActiveModel active;
  private final CollectionRegistry registry;
  private final JobService jobs;
  private final ServerLabeler labeler;
  private final ModelConfig modelConfig;
  private final DataConfig data;
  private volatile Activation latest;

  public ModelActivationService(
      ModelCatalogService catalog,
      ActiveModel active,
      CollectionRegistry registry,
      JobService jobs,
      ServerLabeler labeler,
      ModelConfig modelConfig,
      DataConfig data) {
    this.catalog = catalog;
    this.active = active;
    this.registry = registry;
    this.jobs = jobs;
    this.labeler = labeler;
    this.modelConfig = modelConfig;
    this.data = data;
  }

  /**
   * Starts switching the library to a model whose folder is complete.
   *
   * @throws NotFoundException if no listed model has this name
   * @throws ConflictException if its folder is not complete, it is active already, or a switch is
   *     running
   */
  public synchronized ActivationStatus start(String name) {
    Path folder =
        catalog.folderOf(name).orElseThrow(() -> new NotFoundException("no model '" + name + "'"));
    if (latest != null && latest.running()) {
      throw new ConflictException(
          "the library is already switching to " + latest.name + ": cancel it or wait");
    }
    if (folder.equals(active.folder().toAbsolutePath().normalize())) {
      throw new ConflictException(name + " is the model in use already");
    }
    if (ModelShelf.state(folder).completeness() != ModelShelf.Completeness.PRESENT) {
      throw new ConflictException(
          name + " is not downloaded completely (" + folder + "): pull it first");
    }
    Activation a = new Activation(name, folder);
    latest = a;
    a.thread = Thread.ofPlatform().name("model-switch").start(a::run);
    return a.status();
  }

  /**
   * The latest switch since the server started.
   *
   * @throws NotFoundException if there was none
   */
  public ActivationStatus status() {
    return activation().status();
  }

  /**
   * Stops the running switch: the old model stays active. Too late once it is switching.
   *
   * @throws NotFoundException if there was none
   */
  public ActivationStatus cancel() {
    Activation a = activation();
    a.cancel();
    return a.status();
  }

  /** Cancels a running switch and waits for its thread. */
  @PreDestroy
  public void close() {
    Activation a = latest;
    if (a != null && a.thread != null) {
      a.cancel();
      try {
        a.thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void closeQuietly(OpenCollection c) {
    try {
      c.close();
    } catch (Exception e) {
      log.warn("closing the new index of {} failed", c.name(), e);
    }
  }

  private Activation activation() {
    Activation a = latest;
    if (a == null) {
      throw new NotFoundException("the library has not switched model since the server started");
    }
    return a;
  }

  /** One switch; written by its thread, read by any. */
  private final class Activation {
    final String name;
    final Path folder;
    volatile Thread thread;
    volatile String state = "LOADING";
    volatile int collectionsDone;
    volatile int collectionsTotal;
    volatile String collection;
    volatile IngestStatus progress;
    volatile String message;
    volatile boolean cancelled;
    volatile ModelReindex reindex;

    Activation(String name, Path folder) {
      this.name = name;
      this.folder = folder;
    }

    boolean running() {
      return switch (state) {
        case "LOADING", "REINDEXING", "SWITCHING" -> true;
        default -> false;
      };
    }

    void cancel() {
      cancelled = true;
      ModelReindex r = reindex;
      if (r != null) {
        r.cancel();
      }
    }

    ActivationStatus status() {
      return new ActivationStatus(
          name, state, collectionsDone, collectionsTotal, collection, progress, message);
    }

    void run() {
      ClipModel next = null;
      boolean switched = false;
      try {
        next = ClipModels.load(folder, ModelFactory.loadOptions(modelConfig, data));
        // loaded (the text tower's threads at normal priority); the re-index yields to searches
        BackgroundPriority.lowerCurrentThread();
        ClipModel model = next;
        CollectionOpener opener = registry.openerFor(model);
        List<String> names = registry.names();
        collectionsTotal = names.size();
        ModelReindex r =
            new ModelReindex(opener, model, labeler.of(model)::imageTags, jobs.ingestOptions());
        reindex = r;
        if (cancelled) {
          throw new CancellationException();
        }
        state = "REINDEXING";
        Map<String, OpenCollection> reopened =
            r.run(
                names,
                (c, done, p) -> {
                  collection = c;
                  collectionsDone = done;
                  progress = JobService.status(p);
                });
        collectionsDone = names.size();
        collection = null;
        state = "SWITCHING";
        List<String> stopped;
        try {
          stopped =
              jobs.stoppedWhile(
                  () -> active.switchTo(folder, model, registry.switchTo(opener, reopened)));
        } catch (RuntimeException e) {
          reopened.values().forEach(ModelActivationService::closeQuietly);
          throw e;
        }
        switched = true;
        ModelSelection.remember(data.dir(), folder);
        for (String c : stopped) {
          jobs.start(c); // their photos not yet in the new index
        }
        if (modelConfig.folder() != null) {
          message =
              "This server is started with the model "
                  + modelConfig.folder()
                  + " (clipsearch.model.dir or --model): at its next start that setting wins"
                  + " over "
                  + name
                  + " unless it is removed.";
        }
        state = "ACTIVE";
      } catch (CancellationException e) {
        state = "CANCELLED";
      } catch (Exception | OutOfMemoryError e) {
        log.error("switching the library to {} failed", name, e);
        message =
            (switched ? "Switched to " + name + ", but then: " : "The switch failed: ")
                + Failures.describe(e);
        state = switched ? "ACTIVE" : "FAILED";
      } finally {
        if (!switched && next != null) {
          next.close();
        }
        log.info("switch of the library to {} ended: {}", name, state);
      }
    }
  }
}
