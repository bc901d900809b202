package io.clipsearch.model.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.testing.SharedFixtures;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Reduced-scale JPEG decoding: how far it may go, and that the tensor stays close to exact. */
class FastJpegDecodeTest {

  @Test
  void picksTheLargestReductionThatKeepsTheShortSide() {
    assertEquals(1, OpenCvDecoder.jpegReduction(3000, 0)); // exact decoding asked for
    assertEquals(4, OpenCvDecoder.jpegReduction(2000, 448)); // 2000/4 = 500 >= 448; /8 = 250 is not
    assertEquals(8, OpenCvDecoder.jpegReduction(4000, 448)); // 4000/8 = 500
    assertEquals(2, OpenCvDecoder.jpegReduction(896, 448));
    assertEquals(2, OpenCvDecoder.jpegReduction(895, 448)); // libjpeg rounds 447.5 up to 448
    assertEquals(1, OpenCvDecoder.jpegReduction(894, 448)); // 447 would be too small
    assertEquals(1, OpenCvDecoder.jpegReduction(683, 448));
  }

  @Test
  void aLargePhotoDecodesSmallerAndPreprocessesAlike() throws Exception {
    BufferedImage photo =
        ImageIO.read(SharedFixtures.clipFixture("images/kitten-on-lawn.jpg").toFile());
    BufferedImage large =
        new BufferedImage(photo.getWidth() * 4, photo.getHeight() * 4, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = large.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.drawImage(photo, 0, 0, large.getWidth(), large.getHeight(), null);
    g.dispose();
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(large, "jpg", jpeg);
    ImageSource source = ImageSource.of("large.jpg", jpeg.toByteArray());
    ImageDecoder decoder = new ImageDecoder();
    ClipPreprocessor preprocessor =
        new ClipPreprocessor(
            PreprocessConfig.read(SharedFixtures.tinyClip().resolve("visual/preprocess_cfg.json")));

    DecodedImage exact = decoder.decode(source);
    DecodedImage fast = decoder.decode(source, 448);

    int reduction = OpenCvDecoder.jpegReduction(Math.min(large.getWidth(), large.getHeight()), 448);
    assertTrue(reduction > 1, "the test photo must be large enough to reduce");
    assertEquals((exact.width() + reduction - 1) / reduction, fast.width());
    float[] a = preprocessor.toTensor(exact);
    float[] b = preprocessor.toTensor(fast);
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    double mean = sum / a.length;
    // the reference tolerance for preprocessing is a mean of 0.01 (normalized units)
    assertTrue(mean < 0.02, "mean abs difference " + mean);
  }

  @Test
  void otherFormatsIgnoreTheHint() throws Exception {
    ImageSource png =
        ImageSource.of(
            "astronaut.png",
            Files.readAllBytes(SharedFixtures.clipFixture("images/astronaut.png")));
    ImageDecoder decoder = new ImageDecoder();
    assertEquals(decoder.decode(png).width(), decoder.decode(png, 16).width());
  }
}
