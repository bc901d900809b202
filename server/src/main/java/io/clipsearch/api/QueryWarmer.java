package io.clipsearch.api;

import io.clipsearch.collection.OpenCollection;
import io.clipsearch.model.ActiveModel;
import io.clipsearch.model.BackgroundPriority;
import io.clipsearch.search.QueryWarmUp;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the query road of each collection the server opens ({@link QueryWarmUp}), one collection at
 * a time on a thread of its own at background priority, so a person's searches go first; a
 * collection without photos is left alone until an index job fills it ({@link #afterJob}). Holds a
 * lease on the active model meanwhile, as a request does ({@link ModelLeaseFilter}), so a switch of
 * model cannot close it under the warm-up; at shutdown it stops and awaits them before the model
 * closes ({@link #close}). Told of each opened index by {@link
 * io.clipsearch.collection.CollectionRegistry}. Thread-safe.
 */
@Singleton
public final class QueryWarmer implements Consumer<OpenCollection> {

  private static final Logger log = LoggerFactory.getLogger(QueryWarmer.class);

  private final ActiveModel model;
  private final Map<String, CompletableFuture<Integer>> latest = new ConcurrentHashMap<>();
  // one thread, at nice 10 for its life: warm-ups of several collections take turns, not the cores
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          task ->
              Thread.ofPlatform()
                  .daemon()
                  .name("query-warmup")
                  .unstarted(
                      () -> {
                        BackgroundPriority.lowerCurrentThread();
                        task.run();
                      }));
  private volatile boolean closing;

  QueryWarmer(ActiveModel model) {
    this.model = model;
  }

  @Override
  public synchronized void accept(OpenCollection c) {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    latest.put(c.name(), done);
    if (closing) {
      done.complete(0);
    } else {
      thread.execute(() -> done.complete(warm(c)));
    }
  }

  /**
   * Stops the warm-ups and waits for them to end (each stops before its next search), so the model
   * they use is not closed under them at shutdown: a search in native code on a closed engine
   * session would crash the process. Later {@link #accept} calls warm nothing.
   */
  @PreDestroy
  public void close() throws InterruptedException {
    synchronized (this) {
      closing = true;
      thread.shutdown();
    }
    thread.awaitTermination(1, TimeUnit.MINUTES);
  }

  /**
   * After an index job added photos: warms the collection if its last warm-up found it empty (a
   * server started on a new folder opens the collection before the job fills it).
   */
  void afterJob(OpenCollection c) {
    CompletableFuture<Integer> last = latest.get(c.name());
    if (last == null || (last.isDone() && last.join() == 0)) {
      accept(c);
    }
  }

  /**
   * The last warm-up of a collection's query road (what {@code bench-http} waits for before it
   * times searches).
   *
   * @return completes with the searches it ran (0 for an empty collection), or empty if the
   *     collection has not been opened yet
   */
  public Optional<CompletableFuture<Integer>> warming(String collection) {
    return Optional.ofNullable(latest.get(collection));
  }

  private int warm(OpenCollection c) {
    try (ActiveModel.Lease lease = model.lease()) {
      if (closing || c.index().count() == 0) {
        return 0;
      }
      long start = System.nanoTime();
      int searches = QueryWarmUp.run(c.search(), () -> closing);
      log.info(
          "warmed the query road of collection {}: {} searches in {} ms",
          c.name(),
          searches,
          (System.nanoTime() - start) / 1_000_000);
      return searches;
    } catch (IOException | RuntimeException e) {
      log.debug("no query warm-up for collection {}: {}", c.name(), e.toString());
      return 0;
    }
  }
}
