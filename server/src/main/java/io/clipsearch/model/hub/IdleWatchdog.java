package io.clipsearch.model.hub;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Closes a response body that has sent nothing for the idle timeout: once headers have arrived the
 * JDK client has no read timeout, and a stalled connection would otherwise block forever.
 *
 * <p>The reader calls {@link #touch()} after each read; a virtual thread checks the time since.
 * Closing the watchdog stops that thread (it never closes the body then).
 */
final class IdleWatchdog implements AutoCloseable {
  private final InputStream body;
  private final long idleNanos;
  private final Thread thread;
  private volatile long lastActivity = System.nanoTime();
  private volatile boolean fired;
  private volatile boolean closed;

  IdleWatchdog(InputStream body, Duration idle) {
    this.body = body;
    this.idleNanos = idle.toNanos();
    this.thread = Thread.ofVirtual().name("model-download-watchdog").start(this::watch);
  }

  /** Bytes arrived: the idle time starts again. */
  void touch() {
    lastActivity = System.nanoTime();
  }

  /** Whether the watchdog closed the body for idleness. */
  boolean fired() {
    return fired;
  }

  private void watch() {
    long checkMillis = Math.max(10, Math.min(1000, idleNanos / 4_000_000));
    try {
      while (!closed) {
        Thread.sleep(checkMillis);
        if (!closed && System.nanoTime() - lastActivity > idleNanos) {
          fired = true;
          body.close();
          return;
        }
      }
    } catch (InterruptedException e) {
      // close() interrupts the sleep: the transfer is over, nothing to watch.
    } catch (IOException e) {
      // Closing a stalled stream that fails to close: the reader sees the error itself.
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
