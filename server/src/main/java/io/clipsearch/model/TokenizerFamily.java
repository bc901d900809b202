package io.clipsearch.model;

import io.clipsearch.model.tokenizer.ClipTokenizer;
import io.clipsearch.model.tokenizer.HuggingFaceTextTokenizer;
import io.clipsearch.model.tokenizer.TextTokenizer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The tokenizer families an open_clip folder's text tower can be trained with, and the one place
 * that chooses among them from {@code config.json} ({@link #of}). A new family plugs in here: a
 * constant that opens its {@link TextTokenizer} from {@code textual/}, and a branch in {@link #of}
 * that recognizes its config (see docs/MODELS.md, "Adding a model family"). Stateless.
 */
public enum TokenizerFamily {

  /** CLIP's byte-level BPE ({@code vocab.json} + {@code merges.txt}, or {@code tokenizer.json}). */
  CLIP_BPE {
    @Override
    public TextTokenizer open(Path textual, ClipConfig config) throws IOException {
      return ClipTokenizer.fromModelFolder(textual, config.contextLength());
    }
  },

  /**
   * The Hugging Face tokenizer that {@code text_cfg.hf_tokenizer_name} names (SigLIP, XLM-R), from
   * {@code tokenizer.json}, behind open_clip's text cleaning.
   */
  HUGGING_FACE {
    @Override
    public TextTokenizer open(Path textual, ClipConfig config) throws IOException {
      return HuggingFaceTextTokenizer.open(textual, config.contextLength(), config.clean());
    }
  };

  /**
   * The family {@code config} asks for: Hugging Face when it names a tokenizer, else CLIP's BPE.
   */
  public static TokenizerFamily of(ClipConfig config) {
    return config.usesHuggingFaceTokenizer() ? HUGGING_FACE : CLIP_BPE;
  }

  /**
   * Opens this family's tokenizer from a folder's {@code textual/}. The caller closes it.
   *
   * @throws IOException if the tokenizer files are missing or unreadable, naming the file
   */
  public abstract TextTokenizer open(Path textual, ClipConfig config) throws IOException;
}
