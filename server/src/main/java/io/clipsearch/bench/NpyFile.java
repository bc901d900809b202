package io.clipsearch.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} files of 2-D matrices, as {@code numpy.save} writes them: the magic {@code
 * \x93NUMPY}, a version (1.0, 2.0 or 3.0), a header length (2 bytes in v1, 4 in v2/v3), a Python
 * dict literal with {@code descr}, {@code fortran_order} and {@code shape}, then the rows.
 *
 * <p>Reads little-endian float32 ({@code <f4}) matrices in C (row-major) order, and for neighbour
 * ids little-endian int32 or int64 ({@code <i4}, {@code <i8}). Anything else (another dtype, big
 * endian, Fortran order, not 2-D, a truncated file) is rejected with an {@link IOException} that
 * names the file and what is wrong; nothing is guessed. Writes float32 in format 1.0.
 */
public final class NpyFile {

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
  private static final int ROWS_PER_READ = 4096;

  private NpyFile() {}

  /** The parsed header: element type, shape, and where the data starts. */
  record Header(String descr, int rows, int cols, long dataOffset) {
    int elementBytes() {
      return Integer.parseInt(descr.substring(2));
    }
  }

  /**
   * A float32 matrix, one array per row.
   *
   * @throws IOException if the file cannot be read or is not a 2-D C-order {@code <f4} array
   */
  public static float[][] readFloats(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      Header h = header(file, ch);
      if (!h.descr().equals("<f4")) {
        throw new IOException(
            file
                + ": dtype "
                + h.descr()
                + " is not supported; vectors must be"
                + " little-endian float32 ('<f4'): numpy.save(f, a.astype('<f4'))");
      }
      checkLength(file, ch, h);
      float[][] out = new float[h.rows()][h.cols()];
      readRows(ch, h, (row, buf) -> buf.asFloatBuffer().get(out[row]));
      return out;
    }
  }

  /**
   * An int matrix (neighbour ids): int32 or int64 elements, each within int range.
   *
   * @throws IOException if the file is not a 2-D C-order {@code <i4}/{@code <i8} array
   */
  public static int[][] readInts(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      Header h = header(file, ch);
      if (!h.descr().equals("<i4") && !h.descr().equals("<i8")) {
        throw new IOException(
            file
                + ": dtype "
                + h.descr()
                + " is not supported for neighbour"
                + " ids; use little-endian int32 or int64 ('<i4', '<i8')");
      }
      checkLength(file, ch, h);
      int[][] out = new int[h.rows()][h.cols()];
      boolean wide = h.elementBytes() == 8;
      readRows(
          ch,
          h,
          (row, buf) -> {
            for (int c = 0; c < h.cols(); c++) {
              out[row][c] = wide ? Math.toIntExact(buf.getLong()) : buf.getInt();
            }
          });
      return out;
    }
  }

  /** Writes {@code rows} (all of one length) as a C-order {@code <f4} array, format 1.0. */
  public static void writeFloats(Path file, float[][] rows) throws IOException {
    int cols = rows.length == 0 ? 0 : rows[0].length;
    String dict =
        String.format(
            Locale.ROOT,
            "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }",
            rows.length,
            cols);
    // magic (6) + version (2) + length (2) + dict + padding + '\n', a multiple of 64 bytes
    int total = (10 + dict.length() + 1 + 63) / 64 * 64;
    String padded = dict + " ".repeat(total - 10 - dict.length() - 1) + "\n";
    try (FileChannel ch =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      ByteBuffer head = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
      head.put(MAGIC)
          .put((byte) 1)
          .put((byte) 0)
          .putShort((short) padded.length())
          .put(padded.getBytes(StandardCharsets.US_ASCII))
          .flip();
      writeFully(ch, head);
      ByteBuffer buf =
          ByteBuffer.allocate(Math.max(1, cols) * 4 * ROWS_PER_READ).order(ByteOrder.LITTLE_ENDIAN);
      for (int r = 0; r < rows.length; r++) {
        if (rows[r].length != cols) {
          throw new IllegalArgumentException(
              "row " + r + " has " + rows[r].length + " values, row 0 " + cols);
        }
        buf.asFloatBuffer().put(rows[r]);
        buf.position(buf.position() + cols * 4);
        if (!buf.hasRemaining()) {
          buf.flip();
          writeFully(ch, buf);
          buf.clear();
        }
      }
      buf.flip();
      writeFully(ch, buf);
    }
  }

  static Header header(Path file, FileChannel ch) throws IOException {
    ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[MAGIC.length];
    if (ch.size() >= pre.capacity()) {
      readFully(file, ch, pre, 0);
      pre.get(magic);
    }
    if (!Arrays.equals(magic, MAGIC)) {
      throw new IOException(file + " is not a .npy file (no \\x93NUMPY magic)");
    }
    int major = pre.get() & 0xff;
    pre.get(); // minor
    long headerLength;
    int prefix;
    switch (major) {
      case 1 -> {
        headerLength = pre.getShort(8) & 0xffff;
        prefix = 10;
      }
      case 2, 3 -> {
        headerLength = pre.getInt(8) & 0xffffffffL;
        prefix = 12;
      }
      default ->
          throw new IOException(
              file + ": .npy format version " + major + " is not supported" + " (1, 2 and 3 are)");
    }
    if (headerLength > 1 << 20) {
      throw new IOException(file + ": .npy header of " + headerLength + " bytes is not plausible");
    }
    ByteBuffer dictBytes = ByteBuffer.allocate((int) headerLength);
    readFully(file, ch, dictBytes, prefix);
    String dict =
        new String(
            dictBytes.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = group(file, DESCR, dict, "descr");
    if ("True".equals(group(file, FORTRAN, dict, "fortran_order"))) {
      throw new IOException(
          file
              + ": Fortran (column-major) order is not supported; save a C-order"
              + " array: numpy.save(f, numpy.ascontiguousarray(a))");
    }
    String[] dims = group(file, SHAPE, dict, "shape").split(",");
    List<Long> shape = new ArrayList<>();
    for (String d : dims) {
      if (!d.isBlank()) {
        shape.add(Long.parseLong(d.strip().replace("L", "")));
      }
    }
    if (shape.size() != 2) {
      throw new IOException(
          file + ": a 2-D array (rows, dimension) is needed, the shape is " + shape);
    }
    if (shape.get(0) > Integer.MAX_VALUE || shape.get(1) > Integer.MAX_VALUE || shape.get(1) < 1) {
      throw new IOException(file + ": shape " + shape + " is out of range");
    }
    return new Header(
        descr, shape.get(0).intValue(), shape.get(1).intValue(), prefix + headerLength);
  }

  private static String group(Path file, Pattern pattern, String dict, String key)
      throws IOException {
    Matcher m = pattern.matcher(dict);
    if (!m.find()) {
      throw new IOException(
          file + ": the .npy header has no readable '" + key + "': " + dict.strip());
    }
    return m.group(1);
  }

  private static void checkLength(Path file, FileChannel ch, Header h) throws IOException {
    long expected = h.dataOffset() + (long) h.rows() * h.cols() * h.elementBytes();
    if (ch.size() != expected) {
      throw new IOException(
          file
              + ": "
              + ch.size()
              + " bytes, but a "
              + h.rows()
              + " x "
              + h.cols()
              + " "
              + h.descr()
              + " array takes "
              + expected
              + " (truncated or not a plain .npy)");
    }
  }

  @FunctionalInterface
  private interface RowSink {
    void accept(int row, ByteBuffer rowBytes);
  }

  private static void readRows(FileChannel ch, Header h, RowSink sink) throws IOException {
    int rowBytes = h.cols() * h.elementBytes();
    ByteBuffer buf = ByteBuffer.allocate(rowBytes * ROWS_PER_READ).order(ByteOrder.LITTLE_ENDIAN);
    long pos = h.dataOffset();
    for (int row = 0; row < h.rows(); row += ROWS_PER_READ) {
      int n = Math.min(ROWS_PER_READ, h.rows() - row);
      buf.clear().limit(n * rowBytes);
      readFully(null, ch, buf, pos);
      pos += (long) n * rowBytes;
      for (int i = 0; i < n; i++) {
        ByteBuffer slice = buf.slice(i * rowBytes, rowBytes).order(ByteOrder.LITTLE_ENDIAN);
        sink.accept(row + i, slice);
      }
    }
  }

  static void readFully(Path file, FileChannel ch, ByteBuffer buf, long position)
      throws IOException {
    long pos = position;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        throw new IOException((file == null ? "file" : file.toString()) + " ends early");
      }
      pos += n;
    }
    buf.flip();
  }

  static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
  }
}
