package io.clipsearch.model.tokenizer;

/**
 * Turns text into the token ids a text encoder takes.
 *
 * <p>Implementations are immutable and thread-safe: one instance is shared by every thread. One
 * that holds native memory frees it in {@link #close()}.
 */
public interface TextTokenizer extends AutoCloseable {

  /**
   * Tokenizes one text.
   *
   * @return the ids from the start-of-text id (where the family has one) to the end-of-text id,
   *     unpadded; when the text is too long, it is cut so that the end-of-text id stays last, so
   *     the result never has more than {@link #contextLength()} ids
   * @throws NullPointerException if {@code text} is null
   */
  int[] encode(String text);

  /** The most ids {@link #encode} returns: the sequence length of the text encoder. */
  int contextLength();

  /** The id that fills a row after the encoded ids, up to {@link #contextLength()}. */
  int padId();

  /** Frees native resources, if any; the tokenizer is unusable afterwards. Nothing by default. */
  @Override
  default void close() {}
}
