package io.clipsearch.model.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clipsearch.model.image.ImageDecodeException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibHeifTest {

  private static LibHeif heif;

  @BeforeAll
  static void library() {
    heif = LibHeif.load().orElse(null);
    assumeTrue(heif != null, "libheif is not installed (apt install libheif1): test skipped");
  }

  @Test
  void heicAndAvifDecodeToTheirJpegsPixels(@TempDir Path dir) throws Exception {
    Path jpeg = CameraFixtures.drawnJpeg(dir);
    DecodedImage reference = new ImageDecoder().decode(ImageSource.of(jpeg));
    for (boolean avif : new boolean[] {false, true}) {
      Path file = CameraFixtures.heifEncode(jpeg, dir.resolve(avif ? "a.avif" : "a.heic"), avif);
      DecodedImage decoded = heif.decode(file.toString(), Files.readAllBytes(file), 100_000_000L);
      assertEquals(reference.width(), decoded.width(), file.toString());
      assertEquals(reference.height(), decoded.height(), file.toString());
      double meanError = PixelDifference.mean(reference, decoded);
      assertTrue(meanError < 4, file + ": mean abs difference " + meanError);
    }
  }

  @Test
  void aTruncatedHeicIsCorruptWithLibheifsReason(@TempDir Path dir) throws Exception {
    Path heic =
        CameraFixtures.heifEncode(CameraFixtures.drawnJpeg(dir), dir.resolve("a.heic"), false);
    byte[] bytes = Files.readAllBytes(heic);
    byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
    ImageDecodeException e =
        assertThrows(ImageDecodeException.class, () -> heif.decode("cut.heic", cut, 100_000_000L));
    assertEquals(Reason.CORRUPT, e.reason());
    assertTrue(e.getMessage().startsWith("cut.heic: libheif: "), e.getMessage());
    assertEquals(e.getMessage().strip(), e.getMessage(), "one line, as reports show it");
  }

  @Test
  void anImageOverThePixelCapIsRefusedBeforeDecoding(@TempDir Path dir) throws Exception {
    Path heic =
        CameraFixtures.heifEncode(CameraFixtures.drawnJpeg(dir), dir.resolve("a.heic"), false);
    ImageDecodeException e =
        assertThrows(
            ImageDecodeException.class,
            () -> heif.decode("a.heic", Files.readAllBytes(heic), 640 * 480 - 1));
    assertEquals(Reason.TOO_LARGE, e.reason());
  }
}
