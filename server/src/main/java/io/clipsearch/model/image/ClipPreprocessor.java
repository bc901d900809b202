package io.clipsearch.model.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * Turns a decoded image into the normalized CHW float tensor a CLIP visual encoder takes,
 * reproducing open_clip's eval transform (PIL + torchvision) for the model's {@link
 * PreprocessConfig}.
 *
 * <ul>
 *   <li>{@link PreprocessConfig.ResizeMode#SHORTEST}: torchvision {@code Resize(size)} (shortest
 *       side to {@code size}, the other to {@code int(size * long / short)}, truncated) then {@code
 *       CenterCrop(size)} (offsets {@code round((len - size) / 2)}, half to even as Python rounds).
 *       Bit-exact: the resize is Pillow's, see {@link PilResampler}, and only the cropped window is
 *       computed.
 *   <li>{@link PreprocessConfig.ResizeMode#LONGEST}: open_clip's {@code ResizeKeepRatio(longest=1)}
 *       (each side {@code round(len / ratio)}) then {@code CenterCropOrPad} with the fill color,
 *       the image placed at {@code ((size - w) / 2, (size - h) / 2)}, rounded down.
 *   <li>{@link PreprocessConfig.ResizeMode#SQUASH}: both sides to {@code size}.
 * </ul>
 *
 * <p>Then {@code ToTensor} ({@code v / 255}) and {@code Normalize} ({@code (x - mean) / std}), in
 * float32 like torch, so the tensor matches the reference to the last bit when the pixels do.
 *
 * <p>Immutable and thread-safe; each call allocates its own buffers. Pure Java, no native memory.
 */
public final class ClipPreprocessor {

  private final PreprocessConfig config;
  private final int size;

  /**
   * Per channel, the normalized value of each byte 0..255, computed by the same float32 expression
   * the per-pixel loop would use, so a lookup gives the identical bits.
   */
  private final float[][] normalized;

  public ClipPreprocessor(PreprocessConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.size = config.size();
    this.normalized = normalizationTables(config.mean(), config.std());
  }

  private static float[][] normalizationTables(float[] mean, float[] std) {
    float[][] tables = new float[3][256];
    for (int c = 0; c < 3; c++) {
      for (int v = 0; v < 256; v++) {
        // two float32 steps, as torch does: ToTensor divides, Normalize subtracts then divides
        tables[c][v] = (v / 255f - mean[c]) / std[c];
      }
    }
    return tables;
  }

  public PreprocessConfig config() {
    return config;
  }

  /**
   * The model input for one image.
   *
   * @return a new array of {@code 3 * size * size} floats: channel R's rows, then G's, then B's
   */
  public float[] toTensor(DecodedImage image) {
    Objects.requireNonNull(image, "image");
    return normalize(resized(image));
  }

  /** The {@code size x size} RGB pixels, before normalization. */
  byte[] resized(DecodedImage image) {
    int w = image.width();
    int h = image.height();
    PilResampler.Filter filter = config.interpolation().filter();
    return switch (config.resizeMode()) {
      case SHORTEST -> {
        int newW;
        int newH;
        if (w <= h) {
          newW = size;
          newH = (int) ((double) size * h / w);
        } else {
          newH = size;
          newW = (int) ((double) size * w / h);
        }
        int top = (int) Math.rint((newH - size) / 2.0);
        int left = (int) Math.rint((newW - size) / 2.0);
        yield PilResampler.resize(image.rgb(), w, h, 3, newW, newH, filter, left, top, size, size);
      }
      case SQUASH -> PilResampler.resize(image.rgb(), w, h, 3, size, size, filter);
      case LONGEST -> {
        double ratio = Math.max((double) h / size, (double) w / size);
        // at least one pixel: a 1x10000 strip would otherwise round to nothing
        int newW = Math.max(1, (int) Math.rint(w / ratio));
        int newH = Math.max(1, (int) Math.rint(h / ratio));
        byte[] fitted = PilResampler.resize(image.rgb(), w, h, 3, newW, newH, filter);
        yield pad(fitted, newW, newH);
      }
    };
  }

  private byte[] pad(byte[] rgb, int w, int h) {
    if (w == size && h == size) {
      return rgb;
    }
    byte[] out = new byte[size * size * 3];
    Arrays.fill(out, (byte) config.fillColor());
    int left = (size - w) / 2;
    int top = (size - h) / 2;
    for (int y = 0; y < h; y++) {
      System.arraycopy(rgb, y * w * 3, out, ((top + y) * size + left) * 3, w * 3);
    }
    return out;
  }

  private float[] normalize(byte[] rgb) {
    int plane = size * size;
    float[] out = new float[3 * plane];
    float[] r = normalized[0];
    float[] g = normalized[1];
    float[] b = normalized[2];
    for (int i = 0, p = 0; i < plane; i++, p += 3) {
      out[i] = r[rgb[p] & 0xFF];
      out[plane + i] = g[rgb[p + 1] & 0xFF];
      out[2 * plane + i] = b[rgb[p + 2] & 0xFF];
    }
    return out;
  }
}
