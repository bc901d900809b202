package io.clipsearch.model.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * How a model wants its images prepared: the contents of an open_clip {@code
 * visual/preprocess_cfg.json} ({@code size}, {@code mean}, {@code std}, {@code interpolation},
 * {@code resize_mode}, {@code fill_color}).
 *
 * <p>Immutable: the arrays are copied on the way in and out. Validated at construction.
 *
 * @param size side of the square model input, in pixels
 * @param mean per-channel (R, G, B) mean subtracted after scaling to [0, 1]
 * @param std per-channel (R, G, B) divisor applied after the mean, all positive
 * @param interpolation the resize filter
 * @param resizeMode how the image is fitted into the square
 * @param fillColor gray level (0..255) of the padding that {@link ResizeMode#LONGEST} adds
 */
public record PreprocessConfig(
    int size,
    float[] mean,
    float[] std,
    Interpolation interpolation,
    ResizeMode resizeMode,
    int fillColor) {

  /** The input side of OpenAI's CLIP ViT-B models, used where a config names none. */
  public static final int DEFAULT_SIZE = 224;

  /** OpenAI CLIP's per-channel mean, open_clip's default ({@code OPENAI_DATASET_MEAN}). */
  private static final float[] OPENAI_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};

  /** OpenAI CLIP's per-channel std, open_clip's default ({@code OPENAI_DATASET_STD}). */
  private static final float[] OPENAI_STD = {0.26862954f, 0.26130258f, 0.27577711f};

  /** Resize filters open_clip configs name. */
  public enum Interpolation {
    BICUBIC(PilResampler.Filter.BICUBIC),
    BILINEAR(PilResampler.Filter.BILINEAR);

    private final PilResampler.Filter filter;

    Interpolation(PilResampler.Filter filter) {
      this.filter = filter;
    }

    PilResampler.Filter filter() {
      return filter;
    }
  }

  /** open_clip's {@code resize_mode} values. */
  public enum ResizeMode {
    /** Shortest side to {@code size}, then a center crop (open_clip's default). */
    SHORTEST,
    /** Longest side to {@code size}, aspect kept, then centered on a {@code fillColor} square. */
    LONGEST,
    /** Both sides to {@code size}, aspect not kept. */
    SQUASH
  }

  /**
   * @throws IllegalArgumentException naming the bad value if any field is out of range
   */
  public PreprocessConfig {
    Objects.requireNonNull(interpolation, "interpolation");
    Objects.requireNonNull(resizeMode, "resizeMode");
    if (size <= 0) {
      throw new IllegalArgumentException("size must be positive: " + size);
    }
    mean = threeFinite("mean", mean).clone();
    std = threeFinite("std", std).clone();
    for (float s : std) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("std values must be positive: " + Arrays.toString(std));
      }
    }
    if (fillColor < 0 || fillColor > 255) {
      throw new IllegalArgumentException("fillColor must be 0..255: " + fillColor);
    }
  }

  /** The OpenAI CLIP defaults at {@code size}: bicubic, shortest side, OpenAI mean/std. */
  static PreprocessConfig openAiDefaults(int size) {
    return new PreprocessConfig(
        size, OPENAI_MEAN, OPENAI_STD, Interpolation.BICUBIC, ResizeMode.SHORTEST, 0);
  }

  /**
   * Reads an open_clip {@code preprocess_cfg.json}. Missing keys take open_clip's defaults ({@link
   * #DEFAULT_SIZE}, OpenAI mean/std, bicubic, shortest, fill 0).
   *
   * @throws IOException if the file cannot be read or parsed
   * @throws IllegalArgumentException naming the file and the key for values we cannot honor
   */
  public static PreprocessConfig read(Path preprocessCfgJson) throws IOException {
    JsonNode root = new ObjectMapper().readTree(preprocessCfgJson.toFile());
    if (root == null || !root.isObject()) {
      throw new IOException(preprocessCfgJson + ": expected a JSON object");
    }
    try {
      return fromJson(root);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(preprocessCfgJson + ": " + e.getMessage(), e);
    }
  }

  private static PreprocessConfig fromJson(JsonNode root) {
    JsonNode mode = root.get("mode");
    if (mode != null && !mode.isNull() && !"RGB".equals(mode.asText())) {
      throw new IllegalArgumentException(
          "mode \"" + mode.asText() + "\" is not supported, only RGB");
    }
    return new PreprocessConfig(
        size(root.get("size")),
        floats(root, "mean", OPENAI_MEAN),
        floats(root, "std", OPENAI_STD),
        parse(Interpolation.class, root, "interpolation", Interpolation.BICUBIC),
        parse(ResizeMode.class, root, "resize_mode", ResizeMode.SHORTEST),
        fill(root.get("fill_color")));
  }

  private static int size(JsonNode node) {
    if (node == null || node.isNull()) {
      return DEFAULT_SIZE;
    }
    if (node.isInt()) {
      return node.intValue();
    }
    if (node.isArray() && node.size() == 2 && node.get(0).isInt() && node.get(1).isInt()) {
      if (node.get(0).intValue() != node.get(1).intValue()) {
        throw new IllegalArgumentException(
            "size " + node + " is not square; only square inputs are supported");
      }
      return node.get(0).intValue();
    }
    if (node.isArray() && node.size() == 1 && node.get(0).isInt()) {
      return node.get(0).intValue();
    }
    throw new IllegalArgumentException("size must be an integer or [h, w]: " + node);
  }

  private static float[] floats(JsonNode root, String key, float[] fallback) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isArray() || node.size() != 3) {
      throw new IllegalArgumentException(key + " must be an array of 3 numbers: " + node);
    }
    float[] out = new float[3];
    for (int i = 0; i < 3; i++) {
      if (!node.get(i).isNumber()) {
        throw new IllegalArgumentException(key + " must be an array of 3 numbers: " + node);
      }
      // float32 like torch's Normalize, which stores mean/std as float32 tensors
      out[i] = (float) node.get(i).doubleValue();
    }
    return out;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, JsonNode root, String key, E fallback) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, node.asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          key
              + " \""
              + node.asText()
              + "\" is not supported; expected one of "
              + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
    }
  }

  private static int fill(JsonNode node) {
    if (node == null || node.isNull()) {
      return 0;
    }
    if (!node.isInt()) {
      throw new IllegalArgumentException("fill_color must be an integer 0..255: " + node);
    }
    return node.intValue();
  }

  private static float[] threeFinite(String name, float[] values) {
    Objects.requireNonNull(values, name);
    if (values.length != 3) {
      throw new IllegalArgumentException(
          name + " must have 3 values (R, G, B): " + Arrays.toString(values));
    }
    for (float v : values) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException(
            name + " values must be finite: " + Arrays.toString(values));
      }
    }
    return values;
  }

  @Override
  public float[] mean() {
    return mean.clone();
  }

  @Override
  public float[] std() {
    return std.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PreprocessConfig c
        && size == c.size
        && Arrays.equals(mean, c.mean)
        && Arrays.equals(std, c.std)
        && interpolation == c.interpolation
        && resizeMode == c.resizeMode
        && fillColor == c.fillColor;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        size, Arrays.hashCode(mean), Arrays.hashCode(std), interpolation, resizeMode, fillColor);
  }

  @Override
  public String toString() {
    return "PreprocessConfig[size="
        + size
        + ", mean="
        + Arrays.toString(mean)
        + ", std="
        + Arrays.toString(std)
        + ", interpolation="
        + interpolation
        + ", resizeMode="
        + resizeMode
        + ", fillColor="
        + fillColor
        + "]";
  }
}
