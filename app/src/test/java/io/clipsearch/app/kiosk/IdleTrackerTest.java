package io.clipsearch.app.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleTrackerTest {

  long now;
  final IdleTracker idle = new IdleTracker(() -> now, Duration.ofSeconds(60));

  void advance(int seconds) {
    now += Duration.ofSeconds(seconds).toNanos();
  }

  @Test
  void becomesIdleOnceAfterTheTimeout() {
    advance(59);
    assertEquals(IdleTracker.Transition.NONE, idle.tick());
    advance(1);
    assertEquals(IdleTracker.Transition.BECAME_IDLE, idle.tick());
    advance(100);
    assertEquals(IdleTracker.Transition.NONE, idle.tick(), "reported once");
    assertTrue(idle.isIdle());
  }

  @Test
  void activityPostponesAndWakes() {
    advance(50);
    assertFalse(idle.activity());
    advance(50);
    assertEquals(IdleTracker.Transition.NONE, idle.tick());
    advance(10);
    assertEquals(IdleTracker.Transition.BECAME_IDLE, idle.tick());
    assertTrue(idle.activity(), "a touch wakes the kiosk");
    assertFalse(idle.isIdle());
  }

  @Test
  void pinAndTimeoutAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> new IdleTracker(() -> 0, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> new KioskPin("12a4"));
    KioskPin pin = new KioskPin("2468");
    assertTrue(pin.matches("2468"));
    assertFalse(pin.matches("246"));
    assertFalse(pin.matches(null));
  }
}
