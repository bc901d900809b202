package io.clipsearch.index;

import java.util.Locale;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene102.Lucene102HnswBinaryQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

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

  /** HNSW neighbours per node; Lucene's default. */
  static final int MAX_CONN = 16;

  /** HNSW candidate list size while building; Lucene's default. */
  static final int BEAM_WIDTH = 100;

  /** Lucene's own bit width for "int8" scalar quantization (7 bits keep the dot product signed). */
  private static final int INT8_BITS = 7;

  private static final int INT4_BITS = 4;

  /** The Lucene format writing this field. */
  KnnVectorsFormat knnFormat() {
    return switch (this) {
      case FLOAT32 -> new Lucene99HnswVectorsFormat(MAX_CONN, BEAM_WIDTH);
      case INT8 -> new Lucene99HnswScalarQuantizedVectorsFormat(
          MAX_CONN, BEAM_WIDTH, 1, INT8_BITS, false, null, null);
      case INT4 -> new Lucene99HnswScalarQuantizedVectorsFormat(
          MAX_CONN, BEAM_WIDTH, 1, INT4_BITS, true, null, null);
      case BBQ -> new Lucene102HnswBinaryQuantizedVectorsFormat(MAX_CONN, BEAM_WIDTH);
    };
  }

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
