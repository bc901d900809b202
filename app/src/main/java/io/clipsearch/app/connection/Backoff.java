package io.clipsearch.app.connection;

import java.time.Duration;

/**
 * Exponential retry delays: 1 s, 2 s, 4 s … capped at 30 s; {@link #reset()} after a success. Not
 * thread-safe (used on the EDT).
 */
public final class Backoff {

  static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofSeconds(30);

  private Duration next = FIRST;

  /** The delay before the next attempt; doubles the one after. */
  public Duration next() {
    Duration d = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(MAX) > 0 ? MAX : doubled;
    return d;
  }

  public void reset() {
    next = FIRST;
  }
}
