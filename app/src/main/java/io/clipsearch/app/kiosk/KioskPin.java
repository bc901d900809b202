package io.clipsearch.app.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The PIN that unlocks leaving kiosk mode. Compared in constant time. Immutable. */
public final class KioskPin {

  private final byte[] pin;

  /**
   * @param pin 4 to 12 digits
   * @throws IllegalArgumentException otherwise
   */
  public KioskPin(String pin) {
    if (pin == null || !pin.matches("\\d{4,12}")) {
      throw new IllegalArgumentException("the kiosk PIN must be 4 to 12 digits");
    }
    this.pin = pin.getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether {@code attempt} is the PIN. */
  public boolean matches(String attempt) {
    return attempt != null
        && MessageDigest.isEqual(pin, attempt.getBytes(StandardCharsets.US_ASCII));
  }
}
