package io.clipsearch.training;

import io.clipsearch.model.image.PilResampler;
import java.util.random.RandomGenerator;

/**
 * Training augmentation on {@code size x size} RGB bytes, then normalization to the model input
 * (CHW float, CLIP mean/std): random resized crop (area 35-100 %, aspect 3/4-4/3, bilinear back to
 * full size), horizontal flip, color jitter (brightness, contrast, saturation ±{@value #JITTER}).
 * All randomness comes from the caller's generator, so a seeded generator gives the same output.
 * Stateless and thread-safe.
 */
public final class Augmenter {

  public static final float[] MEAN = {0.48145466f, 0.4578275f, 0.40821073f};
  public static final float[] STD = {0.26862954f, 0.26130258f, 0.27577711f};
  static final float MIN_AREA = 0.35f;
  static final float JITTER = 0.3f;

  private Augmenter() {}

  /**
   * Augments and normalizes one image into {@code out} at {@code offset} (3 * size * size floats).
   */
  public static void augment(byte[] rgb, int size, RandomGenerator rnd, float[] out, int offset) {
    byte[] cropped = randomResizedCrop(rgb, size, rnd);
    boolean flip = rnd.nextBoolean();
    float b = 1 + (rnd.nextFloat() * 2 - 1) * JITTER;
    float c = 1 + (rnd.nextFloat() * 2 - 1) * JITTER;
    float s = 1 + (rnd.nextFloat() * 2 - 1) * JITTER;
    int n = size * size;
    float mean = 0;
    float[] px = new float[3 * n];
    for (int i = 0; i < n; i++) {
      float r = (cropped[3 * i] & 0xff) / 255f * b;
      float g = (cropped[3 * i + 1] & 0xff) / 255f * b;
      float bl = (cropped[3 * i + 2] & 0xff) / 255f * b;
      float gray = 0.299f * r + 0.587f * g + 0.114f * bl;
      px[3 * i] = gray + (r - gray) * s;
      px[3 * i + 1] = gray + (g - gray) * s;
      px[3 * i + 2] = gray + (bl - gray) * s;
      mean += gray;
    }
    mean /= n;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int src = 3 * (y * size + (flip ? size - 1 - x : x));
        int dst = y * size + x;
        for (int ch = 0; ch < 3; ch++) {
          float v = Math.clamp(mean + (px[src + ch] - mean) * c, 0f, 1f);
          out[offset + ch * n + dst] = (v - MEAN[ch]) / STD[ch];
        }
      }
    }
  }

  /** Normalizes without augmentation (inference and evaluation). */
  static void normalize(byte[] rgb, int size, float[] out, int offset) {
    int n = size * size;
    for (int i = 0; i < n; i++) {
      for (int ch = 0; ch < 3; ch++) {
        out[offset + ch * n + i] = ((rgb[3 * i + ch] & 0xff) / 255f - MEAN[ch]) / STD[ch];
      }
    }
  }

  static byte[] randomResizedCrop(byte[] rgb, int size, RandomGenerator rnd) {
    double area = MIN_AREA + rnd.nextDouble() * (1 - MIN_AREA);
    double logRatio =
        Math.log(3 / 4.0) + rnd.nextDouble() * (Math.log(4 / 3.0) - Math.log(3 / 4.0));
    double ratio = Math.exp(logRatio);
    int cw = (int) Math.min(size, Math.max(8, Math.round(size * Math.sqrt(area * ratio))));
    int ch = (int) Math.min(size, Math.max(8, Math.round(size * Math.sqrt(area / ratio))));
    int cx = rnd.nextInt(size - cw + 1);
    int cy = rnd.nextInt(size - ch + 1);
    // resizing the whole image so the crop becomes size x size, keeping only that window
    int outW = (int) Math.round((double) size * size / cw);
    int outH = (int) Math.round((double) size * size / ch);
    int left = Math.min(outW - size, (int) Math.round((double) cx * outW / size));
    int top = Math.min(outH - size, (int) Math.round((double) cy * outH / size));
    return PilResampler.resize(
        rgb, size, size, 3, outW, outH, PilResampler.Filter.BILINEAR, left, top, size, size);
  }
}
