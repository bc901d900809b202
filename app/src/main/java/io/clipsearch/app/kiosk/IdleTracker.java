package io.clipsearch.app.kiosk;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Kiosk idle logic: after {@code timeout} without user activity the kiosk resets to its attract
 * screen. The clock is injected ({@code System::nanoTime} in the app), so tests need no waiting.
 *
 * <p>Not thread-safe: the app calls it on the EDT (input events and a one-second Swing timer).
 */
public final class IdleTracker {

  /** What a {@link #tick()} found. */
  public enum Transition {
    NONE,
    BECAME_IDLE
  }

  private final LongSupplier nanos;
  private final long timeoutNanos;
  private long lastActivity;
  private boolean idle;

  /**
   * @throws IllegalArgumentException if the timeout is not positive
   */
  public IdleTracker(LongSupplier nanos, Duration timeout) {
    this.nanos = Objects.requireNonNull(nanos, "nanos");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("idle timeout must be positive, got " + timeout);
    }
    this.timeoutNanos = timeout.toNanos();
    this.lastActivity = nanos.getAsLong();
  }

  /**
   * The user touched, clicked or typed.
   *
   * @return true if this woke the kiosk from idle (the attract screen should close)
   */
  public boolean activity() {
    lastActivity = nanos.getAsLong();
    boolean woke = idle;
    idle = false;
    return woke;
  }

  /** Checks the clock: reports the moment the kiosk becomes idle, once. */
  public Transition tick() {
    if (!idle && nanos.getAsLong() - lastActivity >= timeoutNanos) {
      idle = true;
      return Transition.BECAME_IDLE;
    }
    return Transition.NONE;
  }

  boolean isIdle() {
    return idle;
  }

  /** Enters idle at once (the kiosk starts on its attract screen). */
  public void goIdle() {
    idle = true;
  }
}
