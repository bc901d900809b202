package io.clipsearch.model.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.clipsearch.model.image.PilResampler.Filter;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PilResamplerTest {

  private static byte[] random(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }

  @ParameterizedTest
  @EnumSource(Filter.class)
  void sameSizeReturnsTheSamePixelsInANewArray(Filter filter) {
    byte[] src = random(7 * 5 * 3, 1);
    byte[] out = PilResampler.resize(src, 7, 5, 3, 7, 5, filter);
    assertArrayEquals(src, out);
    assertNotSame(src, out);
  }

  @ParameterizedTest
  @EnumSource(Filter.class)
  void constantImageStaysConstantWhenShrunkOrEnlarged(Filter filter) {
    byte[] src = new byte[100 * 80 * 3];
    for (int i = 0; i < src.length; i += 3) {
      src[i] = (byte) 17;
      src[i + 1] = (byte) 128;
      src[i + 2] = (byte) 250;
    }
    // each pixel's weights sum to 1 (to within a few fixed-point units, far below the rounding
    // step), so a flat field comes out flat however the filter's lobes fall
    for (int[] size : new int[][] {{33, 17}, {224, 301}, {100, 3}, {1, 1}}) {
      byte[] out = PilResampler.resize(src, 100, 80, 3, size[0], size[1], filter);
      for (int i = 0; i < out.length; i += 3) {
        assertArrayEquals(
            new byte[] {17, (byte) 128, (byte) 250},
            Arrays.copyOfRange(out, i, i + 3),
            "pixel " + i / 3 + " of " + size[0] + "x" + size[1]);
      }
    }
  }

  @Test
  void bicubicHalvingMatchesHandComputation() {
    // 4x1 gray -> 2x1. Scale 2 widens the cubic to support 4; output pixel 0 is centred at input
    // x = 1.0 and covers inputs 0..3 at kernel arguments -0.25, 0.25, 0.75, 1.25 (distances / 2):
    // weights 0.8671875, 0.8671875, 0.2265625, -0.0703125, sum 1.890625, normalized
    // 0.458678, 0.458678, 0.119835, -0.037190.
    // out[0] = 0.458678*0 + 0.458678*100 + 0.119835*200 - 0.037190*255 = 60.35 -> 60
    // out[1] mirrors: -0.037190*0 + 0.119835*100 + 0.458678*200 + 0.458678*255 = 220.68 -> 221
    byte[] src = {0, 100, (byte) 200, (byte) 255};
    byte[] out = PilResampler.resize(src, 4, 1, 1, 2, 1, Filter.BICUBIC);
    assertArrayEquals(new byte[] {60, (byte) 221}, out);
  }

  @Test
  void bilinearDoublingMatchesHandComputation() {
    // 2x1 -> 4x1: scale 0.5, support 1. Output centres sit at input coordinates 0.25, 0.75, 1.25,
    // 1.75; input pixel i's centre is at i + 0.5.
    // out[0]: window [0, 1) holds only pixel 0 -> 0
    // out[1]: pixel 0 at distance 0.25 (w 0.75), pixel 1 at 0.75 (w 0.25): 0.25 * 200 = 50
    // out[2]: mirror of out[1]: 0.75 * 200 = 150; out[3]: only pixel 1 -> 200
    byte[] out = PilResampler.resize(new byte[] {0, (byte) 200}, 2, 1, 1, 4, 1, Filter.BILINEAR);
    assertArrayEquals(new byte[] {0, 50, (byte) 150, (byte) 200}, out);
  }

  @ParameterizedTest
  @EnumSource(Filter.class)
  void windowEqualsCropOfFullResize(Filter filter) {
    int w = 61;
    int h = 37;
    byte[] src = random(w * h * 3, 2);
    int outW = 40;
    int outH = 23;
    byte[] full = PilResampler.resize(src, w, h, 3, outW, outH, filter);
    int x0 = 7;
    int y0 = 5;
    int cw = 20;
    int ch = 11;
    byte[] window = PilResampler.resize(src, w, h, 3, outW, outH, filter, x0, y0, cw, ch);
    byte[] expected = new byte[cw * ch * 3];
    for (int y = 0; y < ch; y++) {
      System.arraycopy(full, ((y + y0) * outW + x0) * 3, expected, y * cw * 3, cw * 3);
    }
    assertArrayEquals(expected, window);
    // one axis unchanged exercises the single-pass paths
    byte[] fullRows = PilResampler.resize(src, w, h, 3, w, outH, filter);
    byte[] windowRows = PilResampler.resize(src, w, h, 3, w, outH, filter, 3, 2, 50, 20);
    for (int y = 0; y < 20; y++) {
      assertArrayEquals(
          Arrays.copyOfRange(fullRows, ((y + 2) * w + 3) * 3, ((y + 2) * w + 53) * 3),
          Arrays.copyOfRange(windowRows, y * 150, (y + 1) * 150));
    }
    byte[] fullCols = PilResampler.resize(src, w, h, 3, outW, h, filter);
    byte[] windowCols = PilResampler.resize(src, w, h, 3, outW, h, filter, 0, 4, outW, 30);
    assertArrayEquals(Arrays.copyOfRange(fullCols, 4 * outW * 3, 34 * outW * 3), windowCols);
  }

  @Test
  void rejectsBadArguments() {
    byte[] src = new byte[4 * 4 * 3];
    assertThrows(
        IllegalArgumentException.class,
        () -> PilResampler.resize(src, 4, 4, 3, 0, 2, Filter.BICUBIC));
    assertThrows(
        IllegalArgumentException.class,
        () -> PilResampler.resize(src, 4, 5, 3, 2, 2, Filter.BICUBIC));
    assertThrows(
        IllegalArgumentException.class,
        () -> PilResampler.resize(src, 4, 4, 3, 2, 2, Filter.BICUBIC, 1, 0, 2, 2));
  }

  /**
   * The vectorized passes against a direct per-pixel port of Pillow's loops, on sizes that put
   * windows at the array's end, shrink by large factors, enlarge, and use 1, 3 and 4 channels.
   */
  @ParameterizedTest
  @EnumSource(Filter.class)
  void matchesPerPixelReference(Filter filter) {
    int[][] cases = {
      // width, height, channels, outWidth, outHeight
      {1024, 683, 3, 336, 224},
      {683, 1024, 3, 224, 335},
      {61, 37, 3, 40, 23},
      {17, 9, 3, 50, 31},
      {300, 7, 3, 13, 5},
      {5, 300, 3, 3, 11},
      {1, 1, 3, 7, 7},
      {97, 41, 1, 30, 20},
      {97, 41, 4, 30, 20},
      {2000, 60, 3, 31, 60},
      {64, 64, 3, 64, 17}
    };
    long seed = 10;
    for (int[] c : cases) {
      byte[] src = random(c[0] * c[1] * c[2], seed++);
      byte[] expected = PillowReference.resize(src, c[0], c[1], c[2], c[3], c[4], filter);
      assertArrayEquals(
          expected,
          PilResampler.resize(src, c[0], c[1], c[2], c[3], c[4], filter),
          Arrays.toString(c));
    }
  }
}
