package io.clipsearch.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.app.net.ApiException;
import org.junit.jupiter.api.Test;

/** Camera names as people write them, and plain words for a photo that moved. */
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

  @Test
  void aPhotoWhoseFolderWasRenamedSaysSo() {
    String m = DetailPanel.unavailable(new ApiException(new ApiError(404, "not_found", "no such file")));
    assertTrue(m.contains("renamed or moved"), m);
  }
}
