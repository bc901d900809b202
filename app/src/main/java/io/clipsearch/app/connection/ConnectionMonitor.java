package io.clipsearch.app.connection;

import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.Delay;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Watches the link to the server once a call has failed to reach it: probes with {@link Backoff}
 * delays until the server answers, then reports it back. Drives the connection banner; nothing
 * blocks (probes run on workers, delays are Swing timers).
 *
 * <p>Confined to the UI thread.
 */
public final class ConnectionMonitor {

  /** The banner's state: connected, or lost with the delay before the next probe and the reason. */
  public record State(boolean connected, Duration retryIn, String reason) {
    static final State CONNECTED = new State(true, Duration.ZERO, null);
  }

  private final Runnable probe;
  private final BackgroundTasks tasks;
  private final Delay delay;
  private final Backoff backoff = new Backoff();
  private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
  private final List<Runnable> reconnected = new CopyOnWriteArrayList<>();
  private State state = State.CONNECTED;
  private boolean probing;

  /**
   * @param probe a cheap blocking call that throws if the server cannot be reached
   */
  public ConnectionMonitor(Runnable probe, BackgroundTasks tasks, Delay delay) {
    this.probe = Objects.requireNonNull(probe, "probe");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.delay = Objects.requireNonNull(delay, "delay");
  }

  public void addListener(Consumer<State> listener) {
    listeners.add(listener);
  }

  /** Runs after the connection comes back (search again, refresh lists). */
  public void onReconnected(Runnable r) {
    reconnected.add(r);
  }

  State state() {
    return state;
  }

  /** A call failed to reach the server: show the banner and start probing (once). */
  public void lost(String reason) {
    if (probing) {
      return;
    }
    probing = true;
    scheduleProbe(reason);
  }

  private void scheduleProbe(String reason) {
    Duration wait = backoff.next();
    publish(new State(false, wait, reason));
    delay.schedule(
        wait,
        () ->
            tasks.submit(
                () -> {
                  probe.run();
                  return Boolean.TRUE;
                },
                ok -> {
                  probing = false;
                  backoff.reset();
                  publish(State.CONNECTED);
                  reconnected.forEach(Runnable::run);
                },
                error -> scheduleProbe(error.getMessage())));
  }

  private void publish(State s) {
    state = s;
    listeners.forEach(l -> l.accept(s));
  }
}
