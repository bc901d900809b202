package io.clipsearch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NpyFile} on files laid out byte by byte as numpy.save writes them. */
class NpyFileTest {

  @TempDir Path dir;

  /** A .npy file of format {@code major}.0 with this header dict and little-endian payload. */
  private Path npy(String name, int major, String dict, ByteBuffer payload) throws IOException {
    int prefix = major == 1 ? 10 : 12;
    int total = (prefix + dict.length() + 1 + 63) / 64 * 64;
    String padded = dict + " ".repeat(total - prefix - dict.length() - 1) + "\n";
    ByteBuffer b = ByteBuffer.allocate(total + payload.remaining()).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    if (major == 1) {
      b.putShort((short) padded.length());
    } else {
      b.putInt(padded.length());
    }
    b.put(padded.getBytes(StandardCharsets.UTF_8)).put(payload);
    Path file = dir.resolve(name);
    Files.write(file, b.array());
    return file;
  }

  private static ByteBuffer floats(float... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.flip();
  }

  @Test
  void readsFloat32InEveryHeaderVersion() throws IOException {
    for (int major : new int[] {1, 2, 3}) {
      Path f =
          npy(
              "v" + major + ".npy",
              major,
              "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }",
              floats(1, 2, 3, 4, 5, 6));
      float[][] m = NpyFile.readFloats(f);
      assertEquals(2, m.length, "version " + major);
      assertArrayEquals(new float[] {1, 2, 3}, m[0]);
      assertArrayEquals(new float[] {4, 5, 6}, m[1]);
    }
  }

  @Test
  void writtenFilesReadBackAndFollowTheFormat() throws IOException {
    float[][] rows = {{0.5f, -1f}, {3f, 4f}, {Float.MIN_VALUE, 1e30f}};
    Path f = dir.resolve("w.npy");
    NpyFile.writeFloats(f, rows);
    assertArrayEquals(rows, NpyFile.readFloats(f));
    byte[] bytes = Files.readAllBytes(f);
    int headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
    assertEquals(0, (10 + headerLength) % 64, "numpy aligns the data to 64 bytes");
    String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
    assertTrue(
        header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }"), header);
    assertTrue(header.endsWith("\n"));
  }

  @Test
  void readsInt32AndInt64Ids() throws IOException {
    ByteBuffer i4 =
        ByteBuffer.allocate(16)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putInt(7)
            .putInt(1)
            .putInt(0)
            .putInt(99)
            .flip();
    ByteBuffer i8 =
        ByteBuffer.allocate(32)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putLong(7)
            .putLong(1)
            .putLong(0)
            .putLong(99)
            .flip();
    int[][] expected = {{7, 1}, {0, 99}};
    assertArrayEquals(
        expected,
        NpyFile.readInts(
            npy("i4.npy", 1, "{'descr': '<i4', 'fortran_order': False, 'shape': (2, 2), }", i4)));
    assertArrayEquals(
        expected,
        NpyFile.readInts(
            npy("i8.npy", 1, "{'descr': '<i8', 'fortran_order': False, 'shape': (2, 2), }", i8)));
  }

  @Test
  void rejectsWhatItCannotReadWithTheReason() throws IOException {
    ByteBuffer six = floats(1, 2, 3, 4, 5, 6);
    assertMessage(
        "float64",
        "dtype <f8",
        npy(
            "f8.npy",
            1,
            "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 6), }",
            floats(1, 2, 3, 4, 5, 6)));
    assertMessage(
        "big endian",
        "dtype >f4",
        npy(
            "be.npy",
            1,
            "{'descr': '>f4', 'fortran_order': False, 'shape': (2, 3), }",
            six.duplicate()));
    assertMessage(
        "fortran",
        "Fortran",
        npy(
            "fo.npy",
            1,
            "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }",
            six.duplicate()));
    assertMessage(
        "1-D",
        "2-D",
        npy(
            "1d.npy",
            1,
            "{'descr': '<f4', 'fortran_order': False, 'shape': (6,), }",
            six.duplicate()));
    assertMessage(
        "truncated",
        "truncated",
        npy(
            "short.npy",
            1,
            "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 3), }",
            six.duplicate()));
    assertMessage(
        "version 4",
        "version 4",
        npy(
            "v4.npy",
            4,
            "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }",
            six.duplicate()));
    assertMessage(
        "no shape",
        "'shape'",
        npy("noshape.npy", 1, "{'descr': '<f4', 'fortran_order': False, }", six.duplicate()));
    Path text = dir.resolve("text.npy");
    Files.writeString(text, "0.1,0.2,0.3\n0.4,0.5,0.6\n");
    assertMessage("csv", "magic", text);
  }

  private static void assertMessage(String what, String expected, Path file) {
    IOException e = assertThrows(IOException.class, () -> NpyFile.readFloats(file), what);
    assertTrue(
        e.getMessage().contains(expected) && e.getMessage().contains(file.toString()),
        what + ": " + e.getMessage());
  }
}
