package io.clipsearch.model.mini;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clipsearch.model.ImageEmbedding;
import io.clipsearch.model.image.CameraFixtures;
import io.clipsearch.model.image.DecodedImage;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.model.image.RawFileWriter;
import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A photo stored as HEIC, AVIF, or a DNG with or without its JPEG preview is the same photo to the
 * bundled model: each embeds within cosine 0.95 of the JPEG it was made from.
 */
class CameraFormatsEmbeddingTest extends BundledModelTestBase {

  private static final double MIN_COSINE = 0.95;

  @Test
  void eachFormatEmbedsLikeItsJpeg(@TempDir Path dir) throws Exception {
    ImageDecoder decoder = new ImageDecoder();
    for (Path jpeg : SharedFixtures.sampleJpegs().subList(0, 3)) {
      String base = jpeg.getFileName().toString().replace(".jpg", "");
      DecodedImage scene = decoder.decode(ImageSource.of(jpeg));
      byte[] jpegBytes = Files.readAllBytes(jpeg);
      Map<String, ImageSource> formats = new LinkedHashMap<>();
      formats.put(
          "dng with preview",
          ImageSource.of(base + ".dng", RawFileWriter.write(scene, jpegBytes, 1)));
      formats.put(
          "dng demosaiced", ImageSource.of(base + ".dng", RawFileWriter.write(scene, null, 1)));
      if (heifEncoderPresent()) {
        formats.put(
            "heic",
            ImageSource.of(CameraFixtures.heifEncode(jpeg, dir.resolve(base + ".heic"), false)));
        formats.put(
            "avif",
            ImageSource.of(CameraFixtures.heifEncode(jpeg, dir.resolve(base + ".avif"), true)));
      }
      float[] reference = model.embedImage(ImageSource.of(jpeg));
      List<ImageEmbedding> embedded = model.embedImages(List.copyOf(formats.values()));
      int i = 0;
      for (String format : formats.keySet()) {
        float[] v = assertInstanceOf(ImageEmbedding.Embedded.class, embedded.get(i++)).vector();
        double cosine = dot(reference, v);
        System.out.printf("%s as %s: cosine %.4f%n", base, format, cosine);
        assertTrue(cosine >= MIN_COSINE, base + " as " + format + ": cosine " + cosine);
      }
    }
  }

  private static boolean heifEncoderPresent() {
    try {
      return new ProcessBuilder("heif-enc", "--version").start().waitFor() >= 0;
    } catch (IOException | InterruptedException missing) {
      assumeTrue(false, "heif-enc is not installed (apt install libheif-examples): skipped");
      return false;
    }
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
