package io.clipsearch.app.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundTasksTest {

  @Test
  void deliversResultsAndFailuresOnTheUiExecutor() {
    Deque<Runnable> ui = new ArrayDeque<>();
    BackgroundTasks tasks = new BackgroundTasks(Runnable::run, ui::add);
    List<Object> seen = new ArrayList<>();
    tasks.submit(() -> 42, seen::add, seen::add);
    tasks.submit(
        () -> {
          throw new IllegalStateException("boom");
        },
        seen::add,
        e -> seen.add(e.getMessage()));
    assertTrue(seen.isEmpty(), "nothing before the UI executor runs");
    ui.forEach(Runnable::run);
    assertEquals(List.of(42, "boom"), seen);
  }

  @Test
  void cancelledTasksDeliverNothing() {
    Deque<Runnable> workers = new ArrayDeque<>();
    List<Object> seen = new ArrayList<>();
    BackgroundTasks tasks = new BackgroundTasks(workers::add, Runnable::run);
    BackgroundTasks.Task first = tasks.submit(() -> 1, seen::add, seen::add);
    tasks.submit(() -> 2, seen::add, seen::add);
    tasks.submit(() -> 3, seen::add, seen::add);
    first.cancel();
    assertEquals(2, tasks.pending());
    tasks.cancelAll();
    workers.forEach(Runnable::run);
    assertTrue(seen.isEmpty(), seen.toString());
    assertEquals(0, tasks.pending());
  }

  @Test
  void workSubmittedAfterCloseIsDroppedNotRejected() {
    BackgroundTasks tasks = BackgroundTasks.swing("test", 1);
    tasks.close();
    AtomicInteger ran = new AtomicInteger();
    BackgroundTasks.Task late =
        tasks.submit(ran::incrementAndGet, x -> ran.incrementAndGet(), e -> ran.incrementAndGet());
    assertTrue(late.isCancelled());
    assertEquals(0, ran.get());
    assertEquals(0, tasks.pending());
  }
}
