package io.clipsearch.model.image;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Reads the brands of an ISO base media file's {@code ftyp} box, to tell AVIF from the rest. */
final class IsoBmffBrands {

  private IsoBmffBrands() {}

  /** Whether the file is AVIF: {@code ftyp} names {@code avif} or {@code avis} as a brand. */
  static boolean isAvif(byte[] b) {
    if (b.length < 16 || !"ftyp".equals(ascii(b, 4))) {
      return false;
    }
    long boxSize = Integer.toUnsignedLong(ByteBuffer.wrap(b, 0, 4).getInt());
    long end = Math.min(boxSize, b.length);
    for (int at = 8; at + 4 <= end; at += 4) {
      if (at == 12) {
        continue; // the minor version, not a brand
      }
      String brand = ascii(b, at);
      if (brand.equals("avif") || brand.equals("avis")) {
        return true;
      }
    }
    return false;
  }

  private static String ascii(byte[] b, int at) {
    return new String(b, at, 4, StandardCharsets.US_ASCII);
  }
}
