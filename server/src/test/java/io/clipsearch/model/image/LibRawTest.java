package io.clipsearch.model.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class LibRawTest {

  private static final long CAP = 100_000_000L;
  private static LibRaw libRaw;
  private final ImageDecoder decoder = new ImageDecoder();

  @BeforeAll
  static void library() {
    libRaw = LibRaw.load().orElse(null);
    assumeTrue(
        libRaw != null, "LibRaw is not installed (apt install libraw20 or libraw23): skipped");
  }

  @Test
  void aDngWithoutPreviewIsDemosaicedToItsScene(@TempDir Path dir) throws Exception {
    DecodedImage scene = decoder.decode(ImageSource.of(CameraFixtures.drawnJpeg(dir)));
    byte[] dng = RawFileWriter.write(scene, null, 1);
    LibRaw.Picture picture = libRaw.decode("a.dng", dng, CAP, 0, decoder);
    assertFalse(picture.fromPreview());
    assertEquals(scene.width(), picture.image().width());
    assertEquals(scene.height(), picture.image().height());
    double error = PixelDifference.mean(scene, picture.image());
    assertTrue(error < 12, "mean abs difference " + error);
  }

  @Test
  void aLargeEnoughPreviewIsUsedAndASmallOneIsNot(@TempDir Path dir) throws Exception {
    Path jpeg = CameraFixtures.drawnJpeg(dir);
    DecodedImage scene = decoder.decode(ImageSource.of(jpeg));
    byte[] dng = RawFileWriter.write(scene, Files.readAllBytes(jpeg), 1);
    LibRaw.Picture preview = libRaw.decode("a.dng", dng, CAP, 480, decoder);
    assertTrue(preview.fromPreview());
    assertEquals(0.0, PixelDifference.mean(scene, preview.image()));
    assertFalse(libRaw.decode("a.dng", dng, CAP, 481, decoder).fromPreview());
  }

  @Test
  void bothRoutesTurnThePictureUpright(@TempDir Path dir) throws Exception {
    Path jpeg = CameraFixtures.drawnJpeg(dir);
    DecodedImage scene = decoder.decode(ImageSource.of(jpeg));
    byte[] dng = RawFileWriter.write(scene, Files.readAllBytes(jpeg), 6);
    for (int minPreviewSide : new int[] {0, Integer.MAX_VALUE}) {
      DecodedImage upright = libRaw.decode("a.dng", dng, CAP, minPreviewSide, decoder).image();
      assertEquals(scene.height(), upright.width(), "route " + minPreviewSide);
      assertEquals(scene.width(), upright.height(), "route " + minPreviewSide);
      // a quarter turn right: the scene's top-left corner is now top-right
      int[] cornerBefore = pixel(scene, 4, 4);
      int[] cornerAfter = pixel(upright, upright.width() - 5, 4);
      for (int c = 0; c < 3; c++) {
        assertTrue(Math.abs(cornerBefore[c] - cornerAfter[c]) < 24, "route " + minPreviewSide);
      }
    }
  }

  @Test
  void aTruncatedRawIsCorruptAndNotARawIsNotAnImage(@TempDir Path dir) throws Exception {
    DecodedImage scene = decoder.decode(ImageSource.of(CameraFixtures.drawnJpeg(dir)));
    byte[] dng = RawFileWriter.write(scene, null, 1);
    ImageDecodeException cut =
        assertThrows(
            ImageDecodeException.class,
            () -> libRaw.decode("cut.dng", Arrays.copyOf(dng, dng.length / 3), CAP, 0, decoder));
    assertEquals(Reason.CORRUPT, cut.reason(), cut.getMessage());
    ImageDecodeException text =
        assertThrows(
            ImageDecodeException.class,
            () ->
                libRaw.decode(
                    "a.nef", "not a raw file at all".repeat(100).getBytes(), CAP, 0, decoder));
    assertEquals(Reason.NOT_AN_IMAGE, text.reason(), text.getMessage());
  }

  @Test
  void aSensorOverThePixelCapIsRefused(@TempDir Path dir) throws Exception {
    DecodedImage scene = decoder.decode(ImageSource.of(CameraFixtures.drawnJpeg(dir)));
    byte[] dng = RawFileWriter.write(scene, null, 1);
    assertEquals(
        Reason.TOO_LARGE,
        assertThrows(
                ImageDecodeException.class, () -> libRaw.decode("a.dng", dng, 1000, 0, decoder))
            .reason());
  }

  private static int[] pixel(DecodedImage image, int x, int y) {
    return new int[] {image.sample(x, y, 0), image.sample(x, y, 1), image.sample(x, y, 2)};
  }
}
