package io.clipsearch.lab;

import java.util.Locale;

/** The file formats {@link EmbeddingExport} writes. */
public enum ExportFormat {
  /**
   * {@code vectors.tsv} (no header) + {@code metadata.tsv} (header): the TensorBoard Embedding
   * Projector's input.
   */
  TSV,
  /**
   * {@code embeddings.npy} (float32, little-endian, C order, shape (n, d)) + {@code metadata.tsv}.
   */
  NPY,
  /** {@code embeddings.csv}: a header {@code file,label,e0,…}, one row per image. */
  CSV;

  /**
   * @throws IllegalArgumentException naming the accepted values if {@code name} is none of them
   */
  public static ExportFormat parse(String name) {
    try {
      return valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown export format '" + name + "': use tsv, npy or csv", e);
    }
  }
}
