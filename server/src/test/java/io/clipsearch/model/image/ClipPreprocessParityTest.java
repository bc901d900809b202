package io.clipsearch.model.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.testing.Npy;
import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decode + preprocess every fixture image from its file and compare with open_clip's tensor ({@code
 * clip-fixtures/preprocess/<image>.npy}, made with PIL + torchvision).
 */
class ClipPreprocessParityTest {

  private static ClipPreprocessor preprocessor;
  private static final ImageDecoder DECODER = new ImageDecoder();

  @BeforeAll
  static void loadConfig() throws IOException {
    preprocessor =
        new ClipPreprocessor(
            PreprocessConfig.read(SharedFixtures.tinyClip().resolve("visual/preprocess_cfg.json")));
  }

  static Stream<Path> images() throws IOException {
    Path dir = SharedFixtures.clipFixture("images");
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> list = files.sorted().toList();
      assertEquals(15, list.size(), "fixture images in " + dir);
      return list.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("images")
  void matchesReference(Path image) throws Exception {
    Path npy = SharedFixtures.clipFixture("preprocess/" + image.getFileName() + ".npy");
    Npy.FloatArray expected = Npy.readFloat32(npy);
    int size = preprocessor.config().size();
    assertArrayEquals(new int[] {3, size, size}, expected.shape());

    float[] actual = preprocessor.toTensor(DECODER.decode(ImageSource.of(image)));

    assertEquals(expected.data().length, actual.length);
    double sum = 0;
    double max = 0;
    int differing = 0;
    for (int i = 0; i < actual.length; i++) {
      double d = Math.abs(actual[i] - expected.data()[i]);
      sum += d;
      max = Math.max(max, d);
      if (d > 0) {
        differing++;
      }
    }
    double mean = sum / actual.length;
    System.out.printf(
        "parity %-28s mean %.3e  max %.3e  differing %d/%d%n",
        image.getFileName(), mean, max, differing, actual.length);
    assertTrue(mean <= 0.01, image + ": mean abs diff " + mean);
    assertTrue(max <= 0.25, image + ": max abs diff " + max);
  }
}
