package io.clipsearch.app.tasks;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window-owned executor of the desktop app: HTTP calls, thumbnails and file reads run on its
 * worker threads; their results are handed to the {@code ui} executor (the EDT in the app, the
 * calling thread in tests), never touching a component from a worker.
 *
 * <p>A cancelled task (or every task, {@link #cancelAll()}) is interrupted and delivers nothing:
 * neither success nor failure reaches the UI. Thread-safe. {@link #close()} cancels everything and
 * shuts down the worker pool if this instance created it; work submitted afterwards (a timer or
 * listener firing while the window closes) is dropped as cancelled, not rejected with an exception
 * on the caller's thread.
 */
public final class BackgroundTasks implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

  /** A submitted task. */
  public interface Task {
    /** Interrupts the work if it runs, and guarantees that no callback follows. */
    void cancel();

    /** Whether it was cancelled. */
    boolean isCancelled();
  }

  private final Executor workers;
  private final Executor ui;
  private final ExecutorService owned;
  private final Set<FutureTask<?>> running = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * @param workers runs the work
   * @param ui runs the callbacks
   */
  public BackgroundTasks(Executor workers, Executor ui) {
    this(workers, ui, null);
  }

  private BackgroundTasks(Executor workers, Executor ui, ExecutorService owned) {
    this.workers = Objects.requireNonNull(workers, "workers");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.owned = owned;
  }

  /** {@code threads} daemon workers named {@code name-N}, callbacks on the EDT. */
  public static BackgroundTasks swing(String name, int threads) {
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, name + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    return new BackgroundTasks(pool, SwingUtilities::invokeLater, pool);
  }

  /**
   * Runs {@code work} on a worker, then {@code onSuccess} or {@code onFailure} on the UI executor.
   */
  public <T> Task submit(
      Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(onSuccess, "onSuccess");
    Objects.requireNonNull(onFailure, "onFailure");
    if (closed) {
      return CANCELLED;
    }
    FutureTask<T>[] self = new FutureTask[1];
    FutureTask<T> future =
        new FutureTask<>(work) {
          @Override
          protected void done() {
            running.remove(this);
            if (isCancelled()) {
              return;
            }
            ui.execute(() -> deliver(self[0], onSuccess, onFailure));
          }
        };
    self[0] = future;
    running.add(future);
    try {
      workers.execute(future);
    } catch (RuntimeException e) {
      running.remove(future);
      throw e;
    }
    return new Task() {
      @Override
      public void cancel() {
        future.cancel(true);
      }

      @Override
      public boolean isCancelled() {
        return future.isCancelled();
      }
    };
  }

  private static final Task CANCELLED =
      new Task() {
        @Override
        public void cancel() {
          // never ran: nothing to stop
        }

        @Override
        public boolean isCancelled() {
          return true;
        }
      };

  private static <T> void deliver(
      FutureTask<T> future, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
    if (future.isCancelled()) {
      return; // cancelled between completion and this callback
    }
    T value;
    try {
      value = future.get();
    } catch (ExecutionException e) {
      onFailure.accept(e.getCause());
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    onSuccess.accept(value);
  }

  /** Runs {@code r} on the UI executor: progress updates posted from a worker. */
  public void onUi(Runnable r) {
    ui.execute(r);
  }

  /** Cancels every task not yet finished. */
  public void cancelAll() {
    for (FutureTask<?> task : running) {
      task.cancel(true);
    }
    running.clear();
  }

  /** Tasks submitted and not yet finished. */
  int pending() {
    return running.size();
  }

  @Override
  public void close() {
    closed = true;
    cancelAll();
    if (owned != null) {
      owned.shutdownNow();
      LOG.debug("background tasks shut down");
    }
  }
}
