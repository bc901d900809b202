package io.clipsearch.lab;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Writes embeddings with their metadata (file, label) for analysis elsewhere: TensorBoard's
 * Embedding Projector (TSV), NumPy ({@code .npy}) or CSV; see {@link ExportFormat}.
 *
 * <p>Metadata TSV has a header row {@code file<TAB>label} (the Projector requires one when there is
 * more than one column); tabs and line breaks inside values become spaces. The {@code .npy} file is
 * format version 1.0, its header padded so the data starts at a multiple of 64 bytes. Stateless and
 * thread-safe; existing files of the same names are replaced.
 */
public final class EmbeddingExport {

  private EmbeddingExport() {}

  /**
   * One exported vector.
   *
   * @param file the image's path as it should appear in the metadata
   * @param label its label (e.g. its folder), or empty
   * @param vector the embedding
   */
  public record Row(String file, String label, float[] vector) {
    public Row {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(label, "label");
      vector = vector.clone();
    }

    @Override
    public float[] vector() {
      return vector.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Row r
          && file.equals(r.file)
          && label.equals(r.label)
          && Arrays.equals(vector, r.vector);
    }

    @Override
    public int hashCode() {
      return Objects.hash(file, label, Arrays.hashCode(vector));
    }

    @Override
    public String toString() {
      return "Row[" + file + ", " + label + ", dim " + vector.length + "]";
    }
  }

  /**
   * Writes the rows into {@code dir} (created if missing).
   *
   * @return the files written
   * @throws IllegalArgumentException if there are no rows or their dimensions differ
   * @throws IOException if a file cannot be written
   */
  public static List<Path> write(List<Row> rows, ExportFormat format, Path dir) throws IOException {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("nothing to export");
    }
    int d = rows.getFirst().vector.length;
    for (Row r : rows) {
      if (r.vector.length != d) {
        throw new IllegalArgumentException(
            r.file + " has dimension " + r.vector.length + ", not " + d);
      }
    }
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    switch (format) {
      case TSV -> {
        written.add(writeVectorsTsv(rows, dir.resolve("vectors.tsv")));
        written.add(writeMetadata(rows, dir.resolve("metadata.tsv")));
      }
      case NPY -> {
        written.add(writeNpy(rows, d, dir.resolve("embeddings.npy")));
        written.add(writeMetadata(rows, dir.resolve("metadata.tsv")));
      }
      case CSV -> written.add(writeCsv(rows, d, dir.resolve("embeddings.csv")));
    }
    return written;
  }

  private static Path writeVectorsTsv(List<Row> rows, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Row r : rows) {
        for (int i = 0; i < r.vector.length; i++) {
          if (i > 0) {
            w.write('\t');
          }
          w.write(Float.toString(r.vector[i]));
        }
        w.write('\n');
      }
    }
    return file;
  }

  private static Path writeMetadata(List<Row> rows, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("file\tlabel\n");
      for (Row r : rows) {
        w.write(tsvField(r.file) + '\t' + tsvField(r.label) + '\n');
      }
    }
    return file;
  }

  private static String tsvField(String value) {
    return value.replaceAll("[\\t\\r\\n]", " ");
  }

  private static Path writeCsv(List<Row> rows, int d, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder header = new StringBuilder("file,label");
      for (int i = 0; i < d; i++) {
        header.append(",e").append(i);
      }
      w.write(header.append('\n').toString());
      for (Row r : rows) {
        StringBuilder line =
            new StringBuilder(Csv.quote(r.file)).append(',').append(Csv.quote(r.label));
        for (float x : r.vector) {
          line.append(',').append(x);
        }
        w.write(line.append('\n').toString());
      }
    }
    return file;
  }

  /** NumPy format 1.0: magic, version, header length (uint16 LE), a dict literal padded to 64. */
  static Path writeNpy(List<Row> rows, int d, Path file) throws IOException {
    String dict =
        "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows.size() + ", " + d + "), }";
    int preamble = 6 + 2 + 2;
    int unpadded = preamble + dict.length() + 1; // + the closing newline
    int padding = (64 - unpadded % 64) % 64;
    String header = dict + " ".repeat(padding) + "\n";
    ByteBuffer head =
        ByteBuffer.allocate(preamble + header.length()).order(ByteOrder.LITTLE_ENDIAN);
    head.put((byte) 0x93)
        .put("NUMPY".getBytes(StandardCharsets.US_ASCII))
        .put((byte) 1)
        .put((byte) 0);
    head.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
    ByteBuffer data =
        ByteBuffer.allocate(rows.size() * d * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (Row r : rows) {
      for (float x : r.vector) {
        data.putFloat(x);
      }
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(head.array());
      out.write(data.array());
    }
    return file;
  }
}
