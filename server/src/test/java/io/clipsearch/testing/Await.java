package io.clipsearch.testing;

import java.time.Duration;

/**
 * Waits in tests for a condition instead of for a duration: polls it, first every few milliseconds
 * and then less often, until it holds or a deadline passes. A fast machine goes on as soon as the
 * condition holds; a slow, loaded one gets the whole deadline, so deadlines should be generous
 * (minutes where a process or a cluster is involved).
 *
 * <pre>{@code
 * Await.until("the job to finish", Duration.ofMinutes(5), () -> jobs.get(id).finished() != null);
 * }</pre>
 *
 * Stateless; the condition runs on the calling thread.
 */
public final class Await {

  private static final long FIRST_PAUSE_MILLIS = 5;
  private static final long LONGEST_PAUSE_MILLIS = 100;

  /** A condition to poll; an exception it throws ends the wait and reaches the test. */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  private Await() {}

  /**
   * Returns once {@code condition} holds.
   *
   * @throws AssertionError naming {@code what} if it does not hold within {@code maxWait}
   */
  public static void until(String what, Duration maxWait, Condition condition) throws Exception {
    if (!within(maxWait, condition)) {
      throw new AssertionError("timed out after " + maxWait.toSeconds() + " s waiting for " + what);
    }
  }

  /**
   * Whether {@code condition} holds within {@code maxWait}: for a caller that asserts with a
   * message of its own (one that says what was measured last).
   */
  public static boolean within(Duration maxWait, Condition condition) throws Exception {
    long deadline = System.nanoTime() + maxWait.toNanos();
    long pause = FIRST_PAUSE_MILLIS;
    while (!condition.holds()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(pause);
      pause = Math.min(2 * pause, LONGEST_PAUSE_MILLIS);
    }
    return true;
  }
}
