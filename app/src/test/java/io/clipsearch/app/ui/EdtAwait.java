package io.clipsearch.app.ui;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;

/**
 * Waits in UI tests for a condition on Swing state: reads it on the EDT (where the models and
 * components are confined) every 100 ms until it holds or the deadline passes. The UI tests' one
 * wait; deadlines should be generous, since a fast machine goes on as soon as the condition holds.
 * Call it from the test thread, never the EDT.
 */
public final class EdtAwait {

  private static final long PAUSE_MILLIS = 100;

  private EdtAwait() {}

  /**
   * Returns once {@code condition}, evaluated on the EDT, holds.
   *
   * @throws AssertionError naming {@code what} if it does not hold within {@code maxWait}
   */
  public static void until(String what, Duration maxWait, Supplier<Boolean> condition)
      throws Exception {
    long deadline = System.nanoTime() + maxWait.toNanos();
    AtomicBoolean holds = new AtomicBoolean();
    while (true) {
      SwingUtilities.invokeAndWait(() -> holds.set(condition.get()));
      if (holds.get()) {
        return;
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError(
            "timed out after " + maxWait.toSeconds() + " s waiting for " + what);
      }
      Thread.sleep(PAUSE_MILLIS);
    }
  }
}
