package io.clipsearch.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.ObjIntConsumer;

/**
 * The ANN-benchmarks formats {@code .fvecs} (float32) and {@code .ivecs} (int32): each row is its
 * dimension as a little-endian int32, then that many little-endian values. Every row must have the
 * first row's dimension; a truncated or ragged file is an {@link IOException} naming the row.
 */
public final class VecsFile {

  private static final int BUFFER_BYTES = 1 << 20;

  private VecsFile() {}

  /**
   * The rows of an {@code .fvecs} file.
   *
   * @throws IOException if it cannot be read or is truncated or ragged
   */
  public static float[][] readFloats(Path file) throws IOException {
    List<float[]> rows = new ArrayList<>();
    read(
        file,
        (dim, buf) -> {
          float[] row = new float[dim];
          buf.asFloatBuffer().get(row);
          rows.add(row);
        });
    return rows.toArray(float[][]::new);
  }

  /**
   * The rows of an {@code .ivecs} file.
   *
   * @throws IOException if it cannot be read or is truncated or ragged
   */
  public static int[][] readInts(Path file) throws IOException {
    List<int[]> rows = new ArrayList<>();
    read(
        file,
        (dim, buf) -> {
          int[] row = new int[dim];
          buf.asIntBuffer().get(row);
          rows.add(row);
        });
    return rows.toArray(int[][]::new);
  }

  /** Writes {@code rows} as {@code .ivecs}. */
  public static void writeInts(Path file, int[][] rows) throws IOException {
    write(file, rows.length, r -> rows[r].length, (buf, r) -> buf.asIntBuffer().put(rows[r]));
  }

  /** Writes {@code rows} as {@code .fvecs}. */
  public static void writeFloats(Path file, float[][] rows) throws IOException {
    write(file, rows.length, r -> rows[r].length, (buf, r) -> buf.asFloatBuffer().put(rows[r]));
  }

  private static void write(
      Path file, int rows, IntUnaryOperator dim, ObjIntConsumer<ByteBuffer> values)
      throws IOException {
    try (FileChannel ch =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      for (int r = 0; r < rows; r++) {
        ByteBuffer buf =
            ByteBuffer.allocate(4 + 4 * dim.applyAsInt(r)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(dim.applyAsInt(r));
        values.accept(buf, r);
        buf.position(buf.limit()).flip();
        NpyFile.writeFully(ch, buf);
      }
    }
  }

  @FunctionalInterface
  private interface RowSink {
    void accept(int dim, ByteBuffer values);
  }

  private static void read(Path file, RowSink sink) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      long pos = 0;
      int firstDim = -1;
      int row = 0;
      ByteBuffer dimBuf = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
      while (pos < size) {
        if (size - pos < 4) {
          throw new IOException(
              file
                  + ": truncated at row "
                  + row
                  + " ("
                  + (size - pos)
                  + " stray bytes at the end)");
        }
        dimBuf.clear();
        NpyFile.readFully(file, ch, dimBuf, pos);
        int dim = dimBuf.getInt();
        if (firstDim < 0) {
          if (dim < 1 || dim > BUFFER_BYTES / 4) {
            throw new IOException(
                file + ": row 0 declares dimension " + dim + "; not an .fvecs/.ivecs file?");
          }
          firstDim = dim;
        } else if (dim != firstDim) {
          throw new IOException(
              file + ": row " + row + " has dimension " + dim + ", row 0 has " + firstDim);
        }
        if (size - pos - 4 < 4L * dim) {
          throw new IOException(file + ": truncated in row " + row);
        }
        ByteBuffer values = ByteBuffer.allocate(4 * dim).order(ByteOrder.LITTLE_ENDIAN);
        NpyFile.readFully(file, ch, values, pos + 4);
        sink.accept(dim, values);
        pos += 4 + 4L * dim;
        row++;
      }
    }
  }
}
