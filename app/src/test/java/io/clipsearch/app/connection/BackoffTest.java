package io.clipsearch.app.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.ManualDelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesUpToThirtySeconds() {
    Backoff b = new Backoff();
    List<Long> s = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      s.add(b.next().toSeconds());
    }
    assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L), s);
    b.reset();
    assertEquals(1, b.next().toSeconds());
  }

  @Test
  void monitorProbesWithBackoffUntilTheServerAnswers() {
    ManualDelay clock = new ManualDelay();
    int[] failuresLeft = {2};
    int[] reconnects = {0};
    ConnectionMonitor m =
        new ConnectionMonitor(
            () -> {
              if (failuresLeft[0]-- > 0) {
                throw new IllegalStateException("refused");
              }
            },
            new BackgroundTasks(Runnable::run, Runnable::run),
            clock);
    m.onReconnected(() -> reconnects[0]++);
    m.lost("refused");
    m.lost("again"); // already probing
    assertFalse(m.state().connected());
    assertEquals(Duration.ofSeconds(1), m.state().retryIn());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(Duration.ofSeconds(2), m.state().retryIn());
    clock.advance(Duration.ofSeconds(2));
    assertEquals(Duration.ofSeconds(4), m.state().retryIn());
    clock.advance(Duration.ofSeconds(4));
    assertTrue(m.state().connected());
    assertEquals(1, reconnects[0]);
  }
}
