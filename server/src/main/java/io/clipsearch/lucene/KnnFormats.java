package io.clipsearch.lucene;

import io.clipsearch.index.VectorFormat;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene102.Lucene102HnswBinaryQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * The Lucene HNSW format that writes each {@link VectorFormat}, and which of its files a graph
 * search reads. Kept apart from the enum so that choosing a format (configuration, the Solr
 * backend) does not depend on Lucene's codecs.
 */
public final class KnnFormats {

  /** HNSW neighbours per node; Lucene's default. */
  static final int MAX_CONN = 16;

  /** HNSW candidate list size while building; Lucene's default. */
  static final int BEAM_WIDTH = 100;

  /** Lucene's own bit width for "int8" scalar quantization (7 bits keep the dot product signed). */
  private static final int INT8_BITS = 7;

  private static final int INT4_BITS = 4;

  private KnnFormats() {}

  /** The Lucene format writing a vector field in {@code format}. */
  static KnnVectorsFormat of(VectorFormat format) {
    return switch (format) {
      case FLOAT32 -> new Lucene99HnswVectorsFormat(MAX_CONN, BEAM_WIDTH);
      case INT8 ->
          new Lucene99HnswScalarQuantizedVectorsFormat(
              MAX_CONN, BEAM_WIDTH, 1, INT8_BITS, false, null, null);
      case INT4 ->
          new Lucene99HnswScalarQuantizedVectorsFormat(
              MAX_CONN, BEAM_WIDTH, 1, INT4_BITS, true, null, null);
      case BBQ -> new Lucene102HnswBinaryQuantizedVectorsFormat(MAX_CONN, BEAM_WIDTH);
    };
  }

  /**
   * Whether a graph search in {@code format} pages through this index file: the graph ({@code
   * .vex}) and the vectors it scores, quantized ({@code .veq} for int8/int4, {@code .veb} for bbq)
   * or, for float32, the originals ({@code .vec}). The float32 originals of a quantized format are
   * read only to re-score a few hundred candidates, so they may stay on disk.
   */
  public static boolean searchedByGraph(String fileName, VectorFormat format) {
    String ext = fileName.substring(fileName.lastIndexOf('.') + 1);
    return switch (format) {
      case FLOAT32 -> ext.equals("vex") || ext.equals("vec");
      case INT8, INT4 -> ext.equals("vex") || ext.equals("veq");
      case BBQ -> ext.equals("vex") || ext.equals("veb");
    };
  }
}
