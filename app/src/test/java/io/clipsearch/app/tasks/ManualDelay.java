package io.clipsearch.app.tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Delay} driven by hand: {@link #advance} runs what falls due. */
public final class ManualDelay implements Delay {

  private final List<Entry> entries = new ArrayList<>();
  private long now;

  private static final class Entry {
    final long due;
    final Runnable task;
    boolean cancelled;

    Entry(long due, Runnable task) {
      this.due = due;
      this.task = task;
    }
  }

  @Override
  public Scheduled schedule(Duration delay, Runnable task) {
    Entry e = new Entry(now + delay.toMillis(), task);
    entries.add(e);
    return () -> e.cancelled = true;
  }

  /** Moves the clock on, running due tasks in order. */
  public void advance(Duration d) {
    now += d.toMillis();
    List<Entry> due = entries.stream().filter(e -> e.due <= now).toList();
    entries.removeAll(due);
    due.stream().filter(e -> !e.cancelled).forEach(e -> e.task.run());
  }

  /** Tasks scheduled and neither run nor cancelled. */
  public long pending() {
    return entries.stream().filter(e -> !e.cancelled).count();
  }
}
