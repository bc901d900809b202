package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.model.image.CameraFixtures;
import io.clipsearch.model.image.DecodedFile;
import io.clipsearch.model.image.DecoderLibraries;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.model.image.RawFileWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A phone's HEIC carries its facts as a JPEG does (date taken, camera, lens, GPS), and a camera RAW
 * its camera and orientation from its TIFF header.
 */
class CameraFormatsFactsTest {

  @Test
  void aHeicsExifGivesTheSameFactsAsTheJpegItWasMadeFrom(@TempDir Path dir) throws Exception {
    assumeTrue(DecoderLibraries.libheif().present(), "libheif is not installed: skipped");
    Path drawn = CameraFixtures.drawnJpeg(dir);
    byte[] camera =
        ExifReaderTest.withExif(
            Files.readAllBytes(drawn),
            ExifReaderTest.exif("2021:07:14 18:30:05", "+02:00", 37.5, -122.25));
    Path jpeg = Files.write(dir.resolve("camera.jpg"), camera);
    Path heic = CameraFixtures.heifEncode(jpeg, dir.resolve("camera.heic"), false);

    ImageDecoder decoder = new ImageDecoder();
    ExifReader exif = new ExifReader();
    DecodedFile fromJpeg = decoder.decodeFile(ImageSource.of(jpeg), 0);
    DecodedFile fromHeic = decoder.decodeFile(ImageSource.of(heic), 0);
    PhotoMetadata expected = exif.read("camera.jpg", fromJpeg.metadata());
    PhotoMetadata facts = exif.read("camera.heic", fromHeic.metadata());

    assertEquals(Instant.parse("2021-07-14T16:30:05Z"), facts.taken().orElseThrow());
    assertEquals(expected.cameraMake(), facts.cameraMake());
    assertEquals(expected.cameraModel(), facts.cameraModel());
    assertEquals(expected.lens(), facts.lens());
    assertEquals(expected.latitude(), facts.latitude());
    assertEquals(expected.longitude(), facts.longitude());
    // HEIF's EXIF orientation only describes the file's own transformations (MIAF), which libheif
    // applies: heif-enc wrote none, so the pixels come out as stored, not turned by the EXIF's 3
    assertEquals(3, expected.orientation());
    assertEquals(1, facts.orientation(), "nothing left for a client to turn");
    byte[] stored = decoder.decode(ImageSource.of(drawn)).rgb();
    assertTrue(PixelDifferenceForFacts.mean(stored, fromHeic.image().rgb()) < 4, "not turned");
  }

  @Test
  void aRawsCameraIsReadFromItsTiffHeader(@TempDir Path dir) throws Exception {
    assumeTrue(DecoderLibraries.libRaw().present(), "LibRaw is not installed: skipped");
    ImageDecoder decoder = new ImageDecoder();
    var scene = decoder.decode(ImageSource.of(CameraFixtures.drawnJpeg(dir)));
    DecodedFile raw =
        decoder.decodeFile(ImageSource.of("IMG_1.DNG", RawFileWriter.write(scene, null, 6)), 0);
    PhotoMetadata facts = new ExifReader().read("IMG_1.DNG", raw.metadata());
    assertEquals("Clipsearch", facts.cameraMake().orElseThrow());
    assertEquals("Test DNG", facts.cameraModel().orElseThrow());
    assertEquals(6, facts.orientation());
    assertEquals(scene.height(), raw.image().width(), "LibRaw turned it upright");
  }

  /** Mean absolute difference of two same-size RGB buffers. */
  private static final class PixelDifferenceForFacts {
    static double mean(byte[] a, byte[] b) {
      long sum = 0;
      for (int i = 0; i < a.length; i++) {
        sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
      }
      return (double) sum / a.length;
    }
  }
}
