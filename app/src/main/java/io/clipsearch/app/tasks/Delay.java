package io.clipsearch.app.tasks;

import java.time.Duration;
import javax.swing.Timer;

/**
 * Schedules a task after a delay, on the UI thread: a {@link javax.swing.Timer} in the app ({@link
 * #swing()}), a manual clock in tests. Used for debouncing and backoff.
 */
@FunctionalInterface
public interface Delay {

  /** A scheduled task. */
  interface Scheduled {
    /** Cancels it if it has not run yet. */
    void cancel();
  }

  /** Runs {@code task} after {@code delay}. */
  Scheduled schedule(Duration delay, Runnable task);

  /** A one-shot {@link javax.swing.Timer} per call: runs on the EDT, never blocks it. */
  static Delay swing() {
    return (delay, task) -> {
      Timer timer = new Timer((int) Math.max(0, delay.toMillis()), e -> task.run());
      timer.setRepeats(false);
      timer.start();
      return timer::stop;
    };
  }
}
