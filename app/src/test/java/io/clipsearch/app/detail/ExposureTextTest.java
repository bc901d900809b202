package io.clipsearch.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.clipsearch.api.types.ExposureInfo;
import org.junit.jupiter.api.Test;

/** Exposure reads as photographers write it. */
class ExposureTextTest {

  @Test
  void apertureShutterIsoAndFocalLength() {
    assertEquals(
        "f/2.8 · 1/250 s · ISO 400 · 35 mm",
        ExposureText.of(new ExposureInfo(2.8, 0.004, 400, 35.0)));
    assertEquals("f/8 · 2 s", ExposureText.of(new ExposureInfo(8.0, 2.0, null, null)));
    assertNull(ExposureText.of(new ExposureInfo(null, null, null, null)));
    assertNull(ExposureText.of(null));
  }
}
