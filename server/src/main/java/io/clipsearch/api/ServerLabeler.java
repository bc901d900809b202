package io.clipsearch.api;

import io.clipsearch.api.config.DataConfig;
import io.clipsearch.cluster.LabelVocabulary;
import io.clipsearch.cluster.ZeroShotLabeler;
import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.ingest.DeferredTagger;
import io.clipsearch.ingest.ImageTagger;
import io.clipsearch.model.BackgroundPriority;
import io.clipsearch.model.ClassVectorCache;
import io.clipsearch.model.ClipModel;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one zero-shot labeler over the bundled vocabulary: tags for index jobs and re-tags,
 * names for clusters. Its label vectors are read from the data folder's {@link ClassVectorCache}
 * when the model embedded them before (one text-tower pass per model, not per server start), else
 * embedded on a {@code tag-vocabulary} thread; made again when the active model has changed since.
 *
 * <p>Index jobs do not wait for it ({@link #tagger()}): a first job of a model scans and embeds at
 * once, and tags what it indexed before the vocabulary was ready when it ends. Shutting down stops
 * the vocabulary between two batches of prompts and waits for that ({@link #close()}), so the model
 * is never closed under its text tower: this bean depends on the model, so it is destroyed before
 * it. Thread-safe.
 */
@Singleton
public class ServerLabeler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ServerLabeler.class);

  /** How long {@link #close()} waits for the batch of prompts in flight. */
  private static final long CLOSE_WAIT_SECONDS = 60;

  private final ClipModel model;
  private final ClassVectorCache cache;
  private Making making; // guarded by this
  private boolean closed; // guarded by this

  /** The vocabulary being made, or made, for one model, and the thread making it. */
  private record Making(
      String modelId, CompletableFuture<ZeroShotLabeler> labeler, Thread thread) {}

  public ServerLabeler(ClipModel model, DataConfig data) {
    this.model = model;
    this.cache = new ClassVectorCache(CollectionLayout.classVectorsDir(data.dir()));
  }

  /**
   * The active model's labeler; waits while it is being made.
   *
   * @throws IllegalStateException if it could not be made (the cause says why) or the server is
   *     shutting down
   */
  public ZeroShotLabeler get() {
    try {
      return making().join();
    } catch (CompletionException | CancellationException e) {
      throw new IllegalStateException("the tag vocabulary could not be made: " + e.getMessage(), e);
    }
  }

  /**
   * A tagger for a job starting now: the active model's labeler if it is ready, else one that tags
   * nothing until it is ({@link DeferredTagger}) while it is made in the background.
   */
  public ImageTagger tagger() {
    CompletableFuture<ZeroShotLabeler> labeler = making();
    if (labeler.isDone() && !labeler.isCompletedExceptionally()) {
      return labeler.join()::imageTags;
    }
    return new DeferredTagger(labeler.thenApply(l -> (ImageTagger) l::imageTags));
  }

  /** A labeler for another model than the active one: a model the library is switching to. */
  ZeroShotLabeler of(ClipModel other) {
    return ZeroShotLabeler.of(LabelVocabulary.defaults(), other, cache);
  }

  /** The making of the active model's labeler: started on first need, again after a switch. */
  private synchronized CompletableFuture<ZeroShotLabeler> making() {
    if (closed) {
      return CompletableFuture.failedFuture(new CancellationException("shutting down"));
    }
    String id = model.info().id();
    if (making == null
        || !making.modelId().equals(id)
        || making.labeler().isCompletedExceptionally()) {
      CompletableFuture<ZeroShotLabeler> labeler = new CompletableFuture<>();
      Thread thread =
          Thread.ofPlatform()
              .daemon()
              .name("tag-vocabulary")
              .unstarted(
                  () -> {
                    BackgroundPriority.lowerCurrentThread(); // searches first
                    make(id, labeler);
                  });
      making = new Making(id, labeler, thread);
      thread.start();
    }
    return making.labeler();
  }

  private void make(String modelId, CompletableFuture<ZeroShotLabeler> labeler) {
    try {
      ZeroShotLabeler made = of(model);
      if (!model.info().id().equals(modelId)) {
        // the library switched model while the prompts were embedded: they may mix two models
        throw new IllegalStateException("the model changed while its tag vocabulary was made");
      }
      labeler.complete(made);
    } catch (RuntimeException e) {
      if (!(e instanceof CancellationException)) {
        log.warn("the tag vocabulary of {} could not be made", modelId, e);
      }
      labeler.completeExceptionally(e);
    }
  }

  /** Stops making the vocabulary (between two batches of prompts) and waits until it has. */
  @PreDestroy
  @Override
  public void close() {
    Making last;
    synchronized (this) {
      closed = true;
      last = making;
    }
    if (last == null || last.labeler().isDone()) {
      return;
    }
    last.thread().interrupt();
    try {
      last.labeler().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | CancellationException e) {
      // stopped, as asked
    } catch (TimeoutException e) {
      log.warn("the tag vocabulary did not stop within {} s", CLOSE_WAIT_SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
