package io.clipsearch.lucene;

import io.clipsearch.index.VectorFormat;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * The Lucene HNSW format that writes each {@link VectorFormat}, and which of its files a graph
 * search reads. Kept apart from the enum so that choosing a format (configuration, the Solr
 * backend) does not depend on Lucene's codecs.
 *
 * <p>The quantized formats are Lucene 10.4's optimized scalar quantization ({@code
 * Lucene104HnswScalarQuantizedVectorsFormat}): int8 as 8-bit codes, int4 as packed nibbles, bbq as
 * one bit a dimension scored against a 4-bit query. Segments written before (Lucene 10.3's {@code
 * Lucene99HnswScalarQuantizedVectorsFormat} and {@code Lucene102HnswBinaryQuantizedVectorsFormat})
 * stay readable through lucene-backward-codecs and are rewritten in these formats as they merge.
 */
public final class KnnFormats {

  /** HNSW neighbours per node; Lucene's default. */
  static final int MAX_CONN = 16;

  /** HNSW candidate list size while building; Lucene's default. */
  static final int BEAM_WIDTH = 100;

  private KnnFormats() {}

  /** The Lucene format writing a vector field in {@code format}. */
  static KnnVectorsFormat of(VectorFormat format) {
    return switch (format) {
      case FLOAT32 -> new Lucene99HnswVectorsFormat(MAX_CONN, BEAM_WIDTH);
      case INT8 -> quantized(ScalarEncoding.UNSIGNED_BYTE);
      case INT4 -> quantized(ScalarEncoding.PACKED_NIBBLE);
      case BBQ -> quantized(ScalarEncoding.SINGLE_BIT_QUERY_NIBBLE);
    };
  }

  private static KnnVectorsFormat quantized(ScalarEncoding encoding) {
    return new Lucene104HnswScalarQuantizedVectorsFormat(encoding, MAX_CONN, BEAM_WIDTH);
  }

  /**
   * Whether a graph search in {@code format} pages through this index file: the graph ({@code
   * .vex}) and the vectors it scores, quantized ({@code .veq}; segments written before Lucene 10.4
   * keep bbq's in {@code .veb}) or, for float32, the originals ({@code .vec}). The float32
   * originals of a quantized format are read only to re-score a few hundred candidates, so they may
   * stay on disk.
   */
  public static boolean searchedByGraph(String fileName, VectorFormat format) {
    String ext = fileName.substring(fileName.lastIndexOf('.') + 1);
    return switch (format) {
      case FLOAT32 -> ext.equals("vex") || ext.equals("vec");
      case INT8, INT4 -> ext.equals("vex") || ext.equals("veq");
      case BBQ -> ext.equals("vex") || ext.equals("veq") || ext.equals("veb");
    };
  }
}
