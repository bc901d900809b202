package io.clipsearch.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SizeTextTest {

  @Test
  void smallFilesReadInBytesOrKilobytesNotZeroMegabytes() {
    assertEquals("1 byte", SizeText.of(1));
    assertEquals("512 bytes", SizeText.of(512));
    assertEquals("48 KB", SizeText.of(48_200));
    assertEquals("999 KB", SizeText.of(999_499));
    assertEquals("1.0 MB", SizeText.of(999_500));
    assertEquals("3.2 MB", SizeText.of(3_210_000));
  }
}
