package io.clipsearch.app.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Repeated wrong PINs lock the keypad for a while; the right PIN is refused while locked. */
class PinGuardTest {

  final AtomicLong now = new AtomicLong();
  final PinGuard guard = new PinGuard(new KioskPin("1234"), now::get);

  @Test
  void fiveWrongPinsLockTheKeypadEvenForTheRightOne() {
    for (int i = 0; i < PinGuard.MAX_TRIES - 1; i++) {
      assertEquals(PinGuard.Result.WRONG, guard.attempt("0000"));
    }
    assertEquals(1, guard.triesLeft());
    assertEquals(PinGuard.Result.LOCKED, guard.attempt("0000"));
    assertEquals(PinGuard.LOCKOUT, guard.lockedFor());
    assertEquals(PinGuard.Result.LOCKED, guard.attempt("1234"), "no guessing while locked");
    now.addAndGet(PinGuard.LOCKOUT.toNanos());
    assertTrue(guard.lockedFor().isZero());
    assertEquals(PinGuard.Result.UNLOCKED, guard.attempt("1234"));
  }

  @Test
  void eachFurtherLockoutIsLonger() {
    for (int i = 0; i < PinGuard.MAX_TRIES; i++) {
      guard.attempt("0000");
    }
    now.addAndGet(PinGuard.LOCKOUT.toNanos());
    for (int i = 0; i < PinGuard.MAX_TRIES; i++) {
      guard.attempt("0000");
    }
    assertEquals(PinGuard.LOCKOUT.multipliedBy(2), guard.lockedFor());
    now.addAndGet(Duration.ofDays(1).toNanos());
    assertEquals(PinGuard.Result.UNLOCKED, guard.attempt("1234"));
  }
}
