package io.clipsearch.app.kiosk;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Checks PIN attempts and locks the keypad after {@link #MAX_TRIES} wrong ones in a row, for {@link
 * #LOCKOUT} (doubling with each further lockout), so that a visitor cannot try PINs until one fits.
 * A right PIN resets the count. Confined to the UI thread.
 */
public final class PinGuard {

  /** Wrong PINs in a row before the keypad locks. */
  public static final int MAX_TRIES = 5;

  /** The first lockout; each further one doubles, up to {@link #MAX_LOCKOUT}. */
  public static final Duration LOCKOUT = Duration.ofSeconds(60);

  static final Duration MAX_LOCKOUT = Duration.ofMinutes(30);

  /** What an attempt did. */
  public enum Result {
    UNLOCKED,
    WRONG,
    LOCKED
  }

  private final KioskPin pin;
  private final LongSupplier nanoClock;
  private int wrong;
  private int lockouts;
  private long lockedUntil = Long.MIN_VALUE;

  /**
   * @param nanoClock {@code System::nanoTime} in the app, a hand-driven clock in tests
   */
  public PinGuard(KioskPin pin, LongSupplier nanoClock) {
    this.pin = Objects.requireNonNull(pin, "pin");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  /** Tries {@code attempt}; while locked, every attempt is refused unchecked. */
  public Result attempt(String attempt) {
    if (!lockedFor().isZero()) {
      return Result.LOCKED;
    }
    if (pin.matches(attempt)) {
      wrong = 0;
      lockouts = 0;
      return Result.UNLOCKED;
    }
    if (++wrong >= MAX_TRIES) {
      wrong = 0;
      Duration lock = LOCKOUT.multipliedBy(1L << Math.min(lockouts++, 5));
      lockedUntil =
          nanoClock.getAsLong() + (lock.compareTo(MAX_LOCKOUT) > 0 ? MAX_LOCKOUT : lock).toNanos();
      return Result.LOCKED;
    }
    return Result.WRONG;
  }

  /** How long the keypad stays locked; zero when it is not. */
  public Duration lockedFor() {
    long left = lockedUntil - nanoClock.getAsLong();
    return lockedUntil == Long.MIN_VALUE || left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  /** Wrong attempts left before the next lockout. */
  public int triesLeft() {
    return MAX_TRIES - wrong;
  }
}
