package io.clipsearch.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.model.tokenizer.TextClean;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The parts of an open_clip model config ({@code config.json}) that inference needs.
 *
 * <p>Immutable; values are validated at construction. Read with {@link #read(Path)}: nothing here
 * is assumed (no default 512/224/77) except where open_clip itself has a default.
 *
 * @param embedDim dimension of the shared embedding space
 * @param imageSize side of the square model input, in pixels
 * @param contextLength text tokens per sequence, SOT and EOT included
 * @param vocabSize size of the text vocabulary
 * @param hfTokenizerName {@code text_cfg.hf_tokenizer_name}: the Hugging Face tokenizer the text
 *     tower was trained with (its files are in {@code textual/}), or null for CLIP's BPE
 * @param clean {@code text_cfg.tokenizer_kwargs.clean}, the cleaning in front of a Hugging Face
 *     tokenizer (open_clip's default {@code whitespace} when absent)
 * @param scoring how cosines become label probabilities (softmax, or SigLIP's sigmoid)
 */
public record ClipConfig(
    int embedDim,
    int imageSize,
    int contextLength,
    int vocabSize,
    String hfTokenizerName,
    TextClean clean,
    Scoring scoring) {

  /** A config of the OpenAI CLIP family: CLIP's own BPE tokenizer. */
  public ClipConfig(int embedDim, int imageSize, int contextLength, int vocabSize) {
    this(embedDim, imageSize, contextLength, vocabSize, null, TextClean.WHITESPACE, Scoring.clip());
  }

  /**
   * open_clip's default context length, used only when {@code text_cfg.context_length} is absent.
   */
  static final int OPEN_CLIP_DEFAULT_CONTEXT_LENGTH = 77;

  /** open_clip's default vocabulary size (the CLIP BPE vocabulary), when the config omits it. */
  static final int OPEN_CLIP_DEFAULT_VOCAB_SIZE = 49408;

  public ClipConfig {
    requirePositive("embed_dim", embedDim);
    requirePositive("vision_cfg.image_size", imageSize);
    if (contextLength < 2) {
      throw new IllegalArgumentException(
          "text_cfg.context_length must be >= 2, got " + contextLength);
    }
    requirePositive("text_cfg.vocab_size", vocabSize);
    Objects.requireNonNull(clean, "clean");
    Objects.requireNonNull(scoring, "scoring");
  }

  /** Whether the text side is a Hugging Face tokenizer rather than CLIP's BPE. */
  public boolean usesHuggingFaceTokenizer() {
    return hfTokenizerName != null;
  }

  /**
   * Reads an open_clip {@code config.json}.
   *
   * @throws IOException if the file cannot be read or parsed
   * @throws IllegalArgumentException if a required value is missing or out of range
   */
  public static ClipConfig read(Path configJson) throws IOException {
    JsonNode root = new ObjectMapper().readTree(configJson.toFile());
    JsonNode vision = root.path("vision_cfg");
    JsonNode text = root.path("text_cfg");
    if (!root.has("embed_dim")) {
      throw new IllegalArgumentException(configJson + ": missing embed_dim");
    }
    JsonNode imageSize = vision.path("image_size");
    if (imageSize.isMissingNode()) {
      throw new IllegalArgumentException(configJson + ": missing vision_cfg.image_size");
    }
    // open_clip allows image_size as an int or an [h, w] pair; CLIP towers are square
    int side = imageSize.isArray() ? imageSize.get(0).asInt() : imageSize.asInt();
    if (imageSize.isArray() && imageSize.get(1).asInt() != side) {
      throw new IllegalArgumentException(configJson + ": non-square image_size " + imageSize);
    }
    try {
      return new ClipConfig(
          root.get("embed_dim").asInt(),
          side,
          text.path("context_length").asInt(OPEN_CLIP_DEFAULT_CONTEXT_LENGTH),
          text.path("vocab_size").asInt(OPEN_CLIP_DEFAULT_VOCAB_SIZE),
          text.path("hf_tokenizer_name").textValue(),
          TextClean.named(text.path("tokenizer_kwargs").path("clean").textValue()),
          Scoring.fromConfig(root));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(configJson + ": " + e.getMessage(), e);
    }
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
