package io.clipsearch.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Camera names as people write them. */
class CameraNameTest {

  @Test
  void theMakeIsNotRepeated() {
    assertEquals("Canon EOS R5", CameraName.of("Canon", "Canon EOS R5"));
    assertEquals("NIKON D850", CameraName.of("NIKON CORPORATION", "NIKON D850"));
    assertEquals("FUJIFILM X-T4", CameraName.of("FUJIFILM", "X-T4"));
    assertEquals("Sony", CameraName.of("Sony", null));
    assertEquals("ILCE-7M3", CameraName.of(null, "ILCE-7M3"));
    assertEquals("", CameraName.of(null, null));
  }
}
