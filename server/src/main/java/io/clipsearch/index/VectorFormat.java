package io.clipsearch.index;

import java.util.Locale;

/**
 * How vectors are stored and searched: an HNSW graph over full-precision floats, or over
 * scalar-quantized (int8, int4) or binary-quantized (1 bit) copies. Quantized formats keep the
 * full-precision vectors too, so the top candidates can be re-scored exactly; they trade a little
 * recall for memory (the graph search reads only the quantized copy).
 */
public enum VectorFormat {
  /** HNSW over float32 vectors: exact scores, 4 bytes per dimension in memory. */
  FLOAT32,
  /** HNSW over int8 (7-bit) quantized vectors: 1 byte per dimension searched. */
  INT8,
  /** HNSW over int4 quantized vectors: half a byte per dimension searched. */
  INT4,
  /** HNSW over 1-bit (binary) quantized vectors, Lucene's BBQ: 1 bit per dimension searched. */
  BBQ;

  /** Whether search should re-score candidates against the full-precision vectors. */
  public boolean quantized() {
    return this != FLOAT32;
  }

  /**
   * Parses {@code float32}, {@code int8}, {@code int4} or {@code bbq} (any case).
   *
   * @throws IllegalArgumentException naming the accepted values otherwise
   */
  public static VectorFormat parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown vector format '" + name + "': use float32, int8, int4 or bbq", e);
    }
  }
}
