package io.clipsearch.model.tokenizer;

/**
 * Turns text into the token ids a text encoder takes.
 *
 * <p>Implementations are immutable and thread-safe: one instance is shared by every thread.
 */
public interface TextTokenizer {

  /**
   * Tokenizes one text.
   *
   * @return the ids from the start-of-text id to the end-of-text id, unpadded; when the text is too
   *     long, the first {@code contextLength() - 1} ids followed by the end-of-text id, so the
   *     result never has more than {@link #contextLength()} ids
   * @throws NullPointerException if {@code text} is null
   */
  int[] encode(String text);

  /** The most ids {@link #encode} returns: the sequence length of the text encoder. */
  int contextLength();
}
