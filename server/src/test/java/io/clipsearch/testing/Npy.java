package io.clipsearch.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads little-endian float32 {@code .npy} arrays (the reference preprocessing fixtures). */
public final class Npy {

  private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

  private Npy() {}

  /** A float32 array and its shape. */
  public record FloatArray(int[] shape, float[] data) {}

  public static FloatArray readFloat32(Path file) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    byte[] magic = new byte[6];
    buf.get(magic);
    if (magic[0] != (byte) 0x93
        || !new String(magic, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
      throw new IOException(file + ": not an .npy file");
    }
    int major = buf.get();
    buf.get(); // minor
    int headerLen = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
    byte[] header = new byte[headerLen];
    buf.get(header);
    String h = new String(header, StandardCharsets.ISO_8859_1);
    if (!h.contains("'<f4'") || h.contains("'fortran_order': True")) {
      throw new IOException(file + ": expected C-order little-endian float32, header " + h);
    }
    Matcher m = SHAPE.matcher(h);
    if (!m.find()) {
      throw new IOException(file + ": no shape in header " + h);
    }
    String[] dims = m.group(1).split(",");
    int count = 0;
    int[] shape = new int[dims.length];
    int total = 1;
    for (String d : dims) {
      if (!d.isBlank()) {
        shape[count] = Integer.parseInt(d.trim());
        total *= shape[count++];
      }
    }
    int[] trimmed = java.util.Arrays.copyOf(shape, count);
    float[] data = new float[total];
    buf.asFloatBuffer().get(data);
    return new FloatArray(trimmed, data);
  }
}
