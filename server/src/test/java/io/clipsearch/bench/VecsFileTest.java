package io.clipsearch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link VecsFile} and {@link VectorFiles} on the ANN-benchmarks layouts. */
class VecsFileTest {

  @TempDir Path dir;

  @Test
  void fvecsAndIvecsRoundTripByteForByte() throws IOException {
    float[][] floats = {{1f, -2f, 0.25f}, {4f, 5f, 6f}};
    Path f = dir.resolve("base.fvecs");
    VecsFile.writeFloats(f, floats);
    // layout: per row, int32 dimension then the values, little endian
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
    assertTrue(
        b.remaining() == 2 * (4 + 3 * 4)
            && b.getInt(0) == 3
            && b.getFloat(4) == 1f
            && b.getInt(16) == 3
            && b.getFloat(20) == 4f);
    assertArrayEquals(floats, VectorFiles.readFloats(f));

    int[][] ids = {{5, 3, 9}, {0, 1, 2}};
    Path i = dir.resolve("gt.ivecs");
    VecsFile.writeInts(i, ids);
    assertArrayEquals(ids, VectorFiles.readInts(i));
  }

  @Test
  void raggedTruncatedAndUnknownFilesAreRejected() throws IOException {
    ByteBuffer ragged =
        ByteBuffer.allocate(4 + 8 + 4 + 12)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putInt(2)
            .putFloat(1)
            .putFloat(2)
            .putInt(3)
            .putFloat(1)
            .putFloat(2)
            .putFloat(3);
    Path r = dir.resolve("ragged.fvecs");
    Files.write(r, ragged.array());
    assertThrows(IOException.class, () -> VecsFile.readFloats(r), "row 1 has dimension 3");

    Path full = dir.resolve("full.fvecs");
    VecsFile.writeFloats(full, new float[][] {{1, 2, 3}, {4, 5, 6}});
    byte[] bytes = Files.readAllBytes(full);
    Path cut = dir.resolve("cut.fvecs");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 2));
    IOException e = assertThrows(IOException.class, () -> VecsFile.readFloats(cut));
    assertTrue(e.getMessage().contains("truncated in row 1"), e.getMessage());

    Path csv = dir.resolve("vectors.csv");
    Files.writeString(csv, "1,2,3");
    e = assertThrows(IOException.class, () -> VectorFiles.readFloats(csv));
    assertTrue(
        e.getMessage().contains(".npy") && e.getMessage().contains(".fvecs"), e.getMessage());
  }
}
