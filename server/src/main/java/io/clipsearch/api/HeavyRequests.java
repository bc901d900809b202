package io.clipsearch.api;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The executor of heavy requests ({@code @ExecuteOn(HeavyRequests.EXECUTOR)}): evaluations,
 * clusters, the map and duplicates, each seconds of CPU. They run on their own few platform
 * threads, half the cores (at least one), with at most {@value #QUEUE} more waiting; beyond that a
 * request is refused at once (503, {@link HeavyRequestsBusyHandler}).
 *
 * <p>Why not the blocking executor: it runs virtual threads, one carrier per core, and a virtual
 * thread that computes (a 1,000-query evaluation) does not yield its carrier; two of them on two
 * cores held up every search and {@code /health} for tens of seconds. Here they can take at most
 * half the cores and queue behind each other, whoever sends them. The executor is shut down with
 * the server.
 */
@Factory
final class HeavyRequests {

  /** The executor's name, for {@code @ExecuteOn}. */
  static final String EXECUTOR = "clipsearch-heavy";

  /** Heavy requests that may wait for a thread; more are refused rather than queued for minutes. */
  static final int QUEUE = 8;

  @Singleton
  @Named(EXECUTOR)
  @Bean(preDestroy = "shutdownNow")
  ExecutorService executor() {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    return new ThreadPoolExecutor(
        threads,
        threads,
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(QUEUE),
        Thread.ofPlatform().name("heavy-request-", 1).daemon().factory(),
        (task, pool) -> {
          throw new Busy(
              threads
                  + " heavy requests are running and "
                  + QUEUE
                  + " waiting (evaluations, clusters, the map, duplicates): try again later");
        });
  }

  /** A heavy request refused because the executor's queue is full. */
  static final class Busy extends RejectedExecutionException {
    Busy(String message) {
      super(message);
    }
  }
}
