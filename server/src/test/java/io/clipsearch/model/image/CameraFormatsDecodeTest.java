package io.clipsearch.model.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clipsearch.model.image.ImageDecodeException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEIC, AVIF and DNG through {@link ImageDecoder}: sniffed, sized, decoded, refused. */
class CameraFormatsDecodeTest {

  private final ImageDecoder decoder = new ImageDecoder();

  @Test
  void heicAndAvifAreSniffedAndDecodedWhateverTheirNames(@TempDir Path dir) throws Exception {
    assumeTrue(HeifDecoder.version().isPresent(), "libheif is not installed: skipped");
    Path jpeg = CameraFixtures.drawnJpeg(dir);
    DecodedImage reference = decoder.decode(ImageSource.of(jpeg));
    Path heic = CameraFixtures.heifEncode(jpeg, dir.resolve("a.heic"), false);
    Path avif = CameraFixtures.heifEncode(jpeg, dir.resolve("a.avif"), true);
    for (Path file : new Path[] {heic, avif}) {
      DecodedImage decoded = decoder.decode(ImageSource.of("photo.jpg", Files.readAllBytes(file)));
      assertEquals(reference.width(), decoded.width());
      assertEquals(reference.height(), decoded.height());
    }
  }

  @Test
  void aTruncatedHeicIsCorrupt(@TempDir Path dir) throws Exception {
    assumeTrue(HeifDecoder.version().isPresent(), "libheif is not installed: skipped");
    Path heic =
        CameraFixtures.heifEncode(CameraFixtures.drawnJpeg(dir), dir.resolve("a.heic"), false);
    byte[] bytes = Files.readAllBytes(heic);
    ImageDecodeException e =
        assertThrows(
            ImageDecodeException.class,
            () ->
                decoder.decode(
                    ImageSource.of("cut.heic", Arrays.copyOf(bytes, bytes.length * 2 / 3))));
    assertEquals(Reason.CORRUPT, e.reason(), e.getMessage());
  }

  @Test
  void aDngIsARawByItsNameOrItsHeaderAndAPlainTiffIsNot(@TempDir Path dir) throws Exception {
    assumeTrue(RawDecoder.version().isPresent(), "LibRaw is not installed: skipped");
    Path jpeg = CameraFixtures.drawnJpeg(dir);
    DecodedImage scene = decoder.decode(ImageSource.of(jpeg));
    byte[] withPreview = RawFileWriter.write(scene, Files.readAllBytes(jpeg), 1);
    byte[] without = RawFileWriter.write(scene, null, 1);
    for (String name : new String[] {"IMG_1.DNG", "IMG_1.tif"}) {
      DecodedImage fromPreview = decoder.decode(ImageSource.of(name, withPreview));
      assertEquals(0.0, PixelDifference.mean(scene, fromPreview), name);
      DecodedImage demosaiced = decoder.decode(ImageSource.of(name, without));
      assertEquals(scene.width(), demosaiced.width(), name);
      assertTrue(PixelDifference.mean(scene, demosaiced) < 12, name);
    }
  }

  /**
   * TIFF-based RAW files shaped like Nikon's, Sony's, Pentax's and Canon's (their makes and models,
   * a JPEG preview in IFD 0 and the sensor data in a SubIFD): LibRaw takes the preview when it is
   * large enough and demosaics otherwise (colours then follow the maker's matrix for that camera,
   * so only the size is checked).
   */
  @Test
  void makerShapedTiffRawsAreReadFromTheirPreviewOrTheirSensor(@TempDir Path dir) throws Exception {
    assumeTrue(RawDecoder.version().isPresent(), "LibRaw is not installed: skipped");
    Path jpeg = CameraFixtures.drawnJpeg(dir);
    DecodedImage scene = decoder.decode(ImageSource.of(jpeg));
    String[][] makers = {
      {"NIKON CORPORATION", "NIKON D750", "DSC_0001.NEF"},
      {"SONY", "ILCE-7M3", "DSC00001.ARW"},
      {"PENTAX", "PENTAX K-1", "IMGP0001.PEF"},
      {"Canon", "Canon EOS 5D Mark IV", "IMG_0001.CR2"}
    };
    for (String[] m : makers) {
      byte[] withPreview =
          RawFileWriter.writeMakerRaw(scene, Files.readAllBytes(jpeg), 1, m[0], m[1]);
      assertEquals(
          0.0,
          PixelDifference.mean(scene, decoder.decode(ImageSource.of(m[2], withPreview))),
          m[2]);
      DecodedImage sensor =
          decoder.decode(
              ImageSource.of(m[2], RawFileWriter.writeMakerRaw(scene, null, 6, m[0], m[1])));
      assertEquals(scene.height(), sensor.width(), m[2] + " demosaiced and turned upright");
      assertEquals(scene.width(), sensor.height(), m[2]);
    }
  }

  /**
   * A CR3-shaped file is a camera RAW by its signature, whatever its name, and one LibRaw cannot
   * open (no sensor track) is a damaged RAW, not "not an image"; the scanner finds it too.
   */
  @Test
  void aCr3ShapedFileIsACameraRawAndADamagedOneIsCorrupt(@TempDir Path dir) throws Exception {
    assumeTrue(RawDecoder.version().isPresent(), "LibRaw is not installed: skipped");
    byte[] cr3 = RawFileWriter.writeCr3Shaped(Files.readAllBytes(CameraFixtures.drawnJpeg(dir)));
    assertEquals(Optional.of("image/x-canon-cr3"), ImageFiles.mediaType("IMG_0001", cr3));
    assertTrue(ImageFiles.hasImageExtension(Path.of("IMG_0001.CR3")));
    for (String name : new String[] {"IMG_0001.CR3", "IMG_0001"}) {
      ImageDecodeException e =
          assertThrows(ImageDecodeException.class, () -> decoder.decode(ImageSource.of(name, cr3)));
      assertEquals(Reason.CORRUPT, e.reason(), e.getMessage());
    }
  }

  @Test
  void aRawOverThePixelCapIsRefusedBeforeDecoding(@TempDir Path dir) throws Exception {
    assumeTrue(RawDecoder.version().isPresent(), "LibRaw is not installed: skipped");
    DecodedImage scene = decoder.decode(ImageSource.of(CameraFixtures.drawnJpeg(dir)));
    byte[] dng = RawFileWriter.write(scene, null, 1);
    ImageDecodeException e =
        assertThrows(
            ImageDecodeException.class,
            () -> new ImageDecoder(1000).decode(ImageSource.of("a.dng", dng)));
    assertEquals(Reason.TOO_LARGE, e.reason());
  }
}
