package io.clipsearch.model.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A model's own Hugging Face {@code tokenizer.json} (any model type: Unigram/SentencePiece for
 * SigLIP and XLM-RoBERTa, WordPiece, BPE) run by DJL's binding of the Rust {@code tokenizers}
 * library, id for id open_clip's {@code HFTokenizer}: the text is cleaned by the model's {@link
 * TextClean}, encoded with the file's normalizer, pre-tokenizer and post-processor (special tokens
 * such as {@code <s> … </s>} added), and a text longer than the context is cut so that the
 * post-processor's tokens, the end-of-sequence one included, stay ({@code truncation=True,
 * max_length=context_length}).
 *
 * <p>Padding is left to the caller with {@link #padId()}: the id of the tokenizer's pad token
 * ({@code pad_token} of {@code tokenizer_config.json} or {@code special_tokens_map.json}), as
 * {@code padding='max_length'} pads.
 *
 * <p>Thread-safe (the native tokenizer is). Owns a native handle: {@link #close()} frees it.
 */
public final class HuggingFaceTextTokenizer implements TextTokenizer, AutoCloseable {

  /** The tokenizer file in a model's {@code textual/} folder. */
  public static final String TOKENIZER_JSON = "tokenizer.json";

  private static final String TOKENIZER_CONFIG = "tokenizer_config.json";
  private static final String SPECIAL_TOKENS_MAP = "special_tokens_map.json";

  private final HuggingFaceTokenizer tokenizer;
  private final TextClean clean;
  private final int contextLength;
  private final int padId;

  private HuggingFaceTextTokenizer(
      HuggingFaceTokenizer tokenizer, TextClean clean, int contextLength, int padId) {
    this.tokenizer = tokenizer;
    this.clean = clean;
    this.contextLength = contextLength;
    this.padId = padId;
  }

  /**
   * Opens the tokenizer of a model's text folder.
   *
   * @param textualDir the folder with {@value #TOKENIZER_JSON} and the pad token's definition
   * @param contextLength the text tower's sequence length, at least 2
   * @param clean the cleaning in front of the tokenizer
   * @throws NoSuchFileException naming {@value #TOKENIZER_JSON} when it is missing
   * @throws IOException if a file cannot be read, or no pad token is defined or known to the file
   */
  public static HuggingFaceTextTokenizer open(Path textualDir, int contextLength, TextClean clean)
      throws IOException {
    Objects.requireNonNull(clean, "clean");
    if (contextLength < 2) {
      throw new IllegalArgumentException("contextLength must be >= 2, got " + contextLength);
    }
    Path file = textualDir.resolve(TOKENIZER_JSON);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(
          file.toString(),
          null,
          "the Hugging Face tokenizer this model's config.json names (text_cfg.hf_tokenizer_name) is missing");
    }
    int padId = padId(textualDir, new ObjectMapper().readTree(file.toFile()));
    HuggingFaceTokenizer tokenizer =
        HuggingFaceTokenizer.newInstance(
            file,
            Map.of(
                "addSpecialTokens", "true",
                "padding", "false",
                "truncation", "true",
                "maxLength", Integer.toString(contextLength)));
    return new HuggingFaceTextTokenizer(tokenizer, clean, contextLength, padId);
  }

  /**
   * The pad token as transformers finds it: tokenizer_config.json, else special_tokens_map.json.
   */
  private static int padId(Path textualDir, JsonNode tokenizerJson) throws IOException {
    String padToken = null;
    for (String name : new String[] {TOKENIZER_CONFIG, SPECIAL_TOKENS_MAP}) {
      Path file = textualDir.resolve(name);
      if (padToken == null && Files.isRegularFile(file)) {
        JsonNode pad = new ObjectMapper().readTree(file.toFile()).path("pad_token");
        padToken = pad.isTextual() ? pad.asText() : pad.path("content").textValue();
      }
    }
    JsonNode padding = tokenizerJson.path("padding");
    if (padToken == null && padding.has("pad_id")) {
      return padding.get("pad_id").asInt();
    }
    if (padToken == null) {
      throw new IOException(
          textualDir
              + ": no pad token: expected pad_token in "
              + TOKENIZER_CONFIG
              + " or "
              + SPECIAL_TOKENS_MAP
              + ", or padding.pad_id in "
              + TOKENIZER_JSON);
    }
    for (JsonNode added : tokenizerJson.path("added_tokens")) {
      if (padToken.equals(added.path("content").asText())) {
        return added.path("id").asInt();
      }
    }
    throw new IOException(
        textualDir.resolve(TOKENIZER_JSON)
            + ": pad token \""
            + padToken
            + "\" is not among its added_tokens");
  }

  @Override
  public int[] encode(String text) {
    long[] ids = tokenizer.encode(clean.clean(text)).getIds();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = Math.toIntExact(ids[i]);
    }
    return out;
  }

  @Override
  public int contextLength() {
    return contextLength;
  }

  @Override
  public int padId() {
    return padId;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
