package io.clipsearch.model.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.clipsearch.model.image.PreprocessConfig.Interpolation;
import io.clipsearch.model.image.PreprocessConfig.ResizeMode;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code squash} and {@code longest} against open_clip's transforms written out step by step over
 * {@link PillowReference} (Pillow's resampling arithmetic, per pixel), on image shapes that hit
 * Python's half-to-even rounding, thin strips, enlargement and odd padding, with SigLIP's mean/std
 * 0.5 and a gray fill. The {@code shortest} path is checked against real open_clip tensors in
 * {@link ClipPreprocessParityTest}; the families' image files in {@code FamilyModelParityTest}.
 */
class ClipPreprocessGeometryTest {

  private static final float[] HALF = {0.5f, 0.5f, 0.5f};

  /** width, height, size: 448x5 at 224 rounds 2.5 to 2, 448x7 rounds 3.5 to 4. */
  private static final int[][] SHAPES = {
    {640, 480, 224},
    {480, 640, 224},
    {448, 5, 224},
    {448, 7, 224},
    {5, 448, 224},
    {37, 61, 64},
    {3, 2, 16},
    {1, 1, 9},
    {1600, 200, 256},
    {257, 255, 256},
    {90, 90, 90}
  };

  @ParameterizedTest
  @EnumSource(Interpolation.class)
  void squashIsTorchvisionResizeToTheSquare(Interpolation interpolation) {
    for (int[] shape : SHAPES) {
      DecodedImage image = random(shape[0], shape[1]);
      int size = shape[2];
      // torchvision Resize((size, size)) on a PIL image: one Image.resize to the square
      byte[] expected =
          PillowReference.resize(
              image.rgb(), shape[0], shape[1], 3, size, size, interpolation.filter());
      assertTensor(expected, size, config(size, interpolation, ResizeMode.SQUASH, 0), image, shape);
    }
  }

  @ParameterizedTest
  @EnumSource(Interpolation.class)
  void longestIsResizeKeepRatioThenCenterCropOrPad(Interpolation interpolation) {
    int fill = 114;
    for (int[] shape : SHAPES) {
      int w = shape[0];
      int h = shape[1];
      int size = shape[2];
      DecodedImage image = random(w, h);
      // open_clip ResizeKeepRatio(longest=1): ratio = max(h / size, w / size), sides round(x /
      // ratio)
      double ratio = Math.max((double) h / size, (double) w / size);
      int newW = (int) pythonRound(w / ratio);
      int newH = (int) pythonRound(h / ratio);
      byte[] fitted =
          PillowReference.resize(image.rgb(), w, h, 3, newW, newH, interpolation.filter());
      // CenterCropOrPad: pad left/top by (size - side) // 2 with the fill, then the crop is the
      // whole
      byte[] expected = new byte[size * size * 3];
      Arrays.fill(expected, (byte) fill);
      int left = Math.floorDiv(size - newW, 2);
      int top = Math.floorDiv(size - newH, 2);
      for (int y = 0; y < newH; y++) {
        for (int x = 0; x < newW * 3; x++) {
          expected[((top + y) * size + left) * 3 + x] = fitted[y * newW * 3 + x];
        }
      }
      assertTensor(
          expected, size, config(size, interpolation, ResizeMode.LONGEST, fill), image, shape);
    }
  }

  /** Python 3's round(): to the nearest integer, ties to even. */
  private static double pythonRound(double v) {
    double floor = Math.floor(v);
    double diff = v - floor;
    if (diff != 0.5) {
      return Math.floor(v + 0.5);
    }
    return floor % 2 == 0 ? floor : floor + 1;
  }

  private static PreprocessConfig config(
      int size, Interpolation interpolation, ResizeMode mode, int fill) {
    return new PreprocessConfig(size, HALF, HALF, interpolation, mode, fill);
  }

  /** ToTensor then Normalize(0.5, 0.5), each in float32 as torch computes them. */
  private static void assertTensor(
      byte[] pixels, int size, PreprocessConfig config, DecodedImage image, int[] shape) {
    int plane = size * size;
    float[] expected = new float[3 * plane];
    for (int i = 0; i < plane; i++) {
      for (int c = 0; c < 3; c++) {
        float scaled = (pixels[i * 3 + c] & 0xFF) / 255f;
        expected[c * plane + i] = (scaled - 0.5f) / 0.5f;
      }
    }
    assertArrayEquals(
        expected,
        new ClipPreprocessor(config).toTensor(image),
        config.resizeMode() + " " + Arrays.toString(shape));
  }

  private static DecodedImage random(int w, int h) {
    byte[] rgb = new byte[w * h * 3];
    new Random(31L * w + h).nextBytes(rgb);
    return new DecodedImage(w, h, rgb);
  }
}
