package io.clipsearch.api;

import io.clipsearch.collection.OpenCollection;
import io.clipsearch.model.ActiveModel;
import io.clipsearch.model.BackgroundPriority;
import io.clipsearch.search.QueryWarmUp;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the query road of each collection the server opens ({@link QueryWarmUp}), on a thread of
 * its own at background priority, so a person's searches go first; a collection without photos is
 * left alone until an index job fills it ({@link #afterJob}). Holds a lease on the active model
 * meanwhile, as a request does ({@link ModelLeaseFilter}), so a switch of model cannot close it
 * under the warm-up. Told of each opened index by {@link
 * io.clipsearch.collection.CollectionRegistry}. Thread-safe.
 */
@Singleton
public final class QueryWarmer implements Consumer<OpenCollection> {

  private static final Logger log = LoggerFactory.getLogger(QueryWarmer.class);

  private final ActiveModel model;
  private final Map<String, CompletableFuture<Integer>> latest = new ConcurrentHashMap<>();

  QueryWarmer(ActiveModel model) {
    this.model = model;
  }

  @Override
  public void accept(OpenCollection c) {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    latest.put(c.name(), done);
    Thread.ofPlatform()
        .daemon()
        .name("query-warmup-" + c.name())
        .start(() -> done.complete(warm(c)));
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
    BackgroundPriority.lowerCurrentThread();
    try (ActiveModel.Lease lease = model.lease()) {
      if (c.index().count() == 0) {
        return 0;
      }
      long start = System.nanoTime();
      int searches = QueryWarmUp.run(c.search());
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
