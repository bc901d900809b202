package io.clipsearch.model.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.model.image.PreprocessConfig.Interpolation;
import io.clipsearch.model.image.PreprocessConfig.ResizeMode;
import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClipPreprocessorTest {

  private static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
  private static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};

  @TempDir Path dir;

  private PreprocessConfig readJson(String json) throws IOException {
    return PreprocessConfig.read(Files.writeString(dir.resolve("preprocess_cfg.json"), json));
  }

  @Test
  void readsTheFixtureModelsConfig() throws IOException {
    PreprocessConfig config =
        PreprocessConfig.read(SharedFixtures.tinyClip().resolve("visual/preprocess_cfg.json"));
    assertEquals(
        new PreprocessConfig(224, MEAN, STD, Interpolation.BICUBIC, ResizeMode.SHORTEST, 0),
        config);
    assertEquals(PreprocessConfig.openAiDefaults(224), config);
  }

  @Test
  void missingKeysTakeOpenClipDefaults() throws IOException {
    assertEquals(PreprocessConfig.openAiDefaults(PreprocessConfig.DEFAULT_SIZE), readJson("{}"));
    PreprocessConfig config =
        readJson("{\"size\": 336, \"interpolation\": \"bilinear\", \"resize_mode\": \"squash\"}");
    assertEquals(336, config.size());
    assertEquals(Interpolation.BILINEAR, config.interpolation());
    assertEquals(ResizeMode.SQUASH, config.resizeMode());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"size\": [224, 192]}                     | not square",
        "{\"size\": 0}                              | size must be positive",
        "{\"mean\": [0.5, 0.5]}                     | mean must be an array of 3 numbers",
        "{\"std\": [0.5, 0, 0.5]}                   | std values must be positive",
        "{\"interpolation\": \"lanczos\"}           | interpolation \"lanczos\" is not supported",
        "{\"resize_mode\": \"stretch\"}             | resize_mode \"stretch\" is not supported",
        "{\"mode\": \"L\"}                          | only RGB",
        "{\"fill_color\": 300}                      | fillColor must be 0..255",
      })
  void rejectsConfigsWeCannotHonorNamingTheFileAndKey(String json, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> readJson(json));
    assertTrue(e.getMessage().contains("preprocess_cfg.json"), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void configIsImmutable() {
    float[] mean = MEAN.clone();
    PreprocessConfig config =
        new PreprocessConfig(224, mean, STD, Interpolation.BICUBIC, ResizeMode.SHORTEST, 0);
    mean[0] = 9;
    config.mean()[1] = 9;
    assertArrayEquals(MEAN, config.mean());
  }

  private static DecodedImage solid(int width, int height, int r, int g, int b) {
    byte[] rgb = new byte[width * height * 3];
    for (int i = 0; i < rgb.length; i += 3) {
      rgb[i] = (byte) r;
      rgb[i + 1] = (byte) g;
      rgb[i + 2] = (byte) b;
    }
    return new DecodedImage(width, height, rgb);
  }

  private static float normalized(int value, int channel) {
    return (value / 255f - MEAN[channel]) / STD[channel];
  }

  @Test
  void tensorIsChwNormalizedInFloat32() {
    ClipPreprocessor p = new ClipPreprocessor(PreprocessConfig.openAiDefaults(8));
    float[] t = p.toTensor(solid(20, 10, 255, 128, 0));
    assertEquals(3 * 8 * 8, t.length);
    assertEquals(normalized(255, 0), t[0]);
    assertEquals(normalized(128, 1), t[64]);
    assertEquals(normalized(0, 2), t[128 + 63]);
  }

  @Test
  void shortestCropsTheCenter() {
    // 12x4, left third red, middle green, right third blue: resized to 24x8 and center-cropped
    // to 8x8, only green survives (the crop takes resized columns 8..15)
    byte[] rgb = new byte[12 * 4 * 3];
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 12; x++) {
        rgb[(y * 12 + x) * 3 + x / 4] = (byte) 255;
      }
    }
    byte[] out =
        new ClipPreprocessor(PreprocessConfig.openAiDefaults(8))
            .resized(new DecodedImage(12, 4, rgb));
    assertEquals(8 * 8 * 3, out.length);
    // away from the crop's edges, where bicubic lobes reach into red and blue, it is pure green
    for (int y = 0; y < 8; y++) {
      for (int x = 2; x < 6; x++) {
        int i = (y * 8 + x) * 3;
        assertArrayEquals(
            new byte[] {0, (byte) 255, 0},
            new byte[] {out[i], out[i + 1], out[i + 2]},
            "(" + x + "," + y + ")");
      }
    }
  }

  @Test
  void longestLetterboxesWithTheFillColor() {
    // 20x10 white fitted into 8x8: 8x4 image at rows 2..5, rows 0-1 and 6-7 filled with gray 0
    PreprocessConfig config =
        new PreprocessConfig(8, MEAN, STD, Interpolation.BICUBIC, ResizeMode.LONGEST, 0);
    float[] t = new ClipPreprocessor(config).toTensor(solid(20, 10, 255, 255, 255));
    for (int y = 0; y < 8; y++) {
      boolean padded = y < 2 || y >= 6;
      for (int c = 0; c < 3; c++) {
        assertEquals(
            normalized(padded ? 0 : 255, c), t[c * 64 + y * 8 + 3], "channel " + c + " row " + y);
      }
    }
  }

  @Test
  void squashFillsTheSquare() {
    PreprocessConfig config =
        new PreprocessConfig(8, MEAN, STD, Interpolation.BILINEAR, ResizeMode.SQUASH, 0);
    float[] t = new ClipPreprocessor(config).toTensor(solid(30, 7, 10, 20, 30));
    for (int i = 0; i < 64; i++) {
      assertEquals(normalized(10, 0), t[i]);
      assertEquals(normalized(30, 2), t[128 + i]);
    }
  }
}
