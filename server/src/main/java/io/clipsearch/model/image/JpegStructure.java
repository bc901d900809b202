package io.clipsearch.model.image;

/**
 * Walks a JPEG's marker segments to tell whether the file reaches its end-of-image marker.
 *
 * <p>Why not look for {@code FF D9} at the end: cameras and editors append data after the image,
 * and EXIF thumbnails carry their own end marker inside an APP1 segment. Walking the segments by
 * their lengths skips those, and inside entropy-coded data a real marker is the only {@code FF} not
 * followed by a stuffed {@code 00} or a restart marker. Linear in the file size, no allocation.
 */
final class JpegStructure {

  private static final int SOI = 0xD8;
  private static final int EOI = 0xD9;
  private static final int SOS = 0xDA;
  private static final int TEM = 0x01;

  private JpegStructure() {}

  /** True if {@code b} starts with SOI and its segments lead to an EOI marker within the data. */
  static boolean isComplete(byte[] b) {
    if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != SOI) {
      return false;
    }
    int i = 2;
    while (i + 1 < b.length) {
      if ((b[i] & 0xFF) != 0xFF) {
        i++; // stray bytes between segments: libjpeg skips them with a warning, so do we
        continue;
      }
      int marker = b[i + 1] & 0xFF;
      if (marker == 0xFF) {
        i++; // fill byte before a marker
        continue;
      }
      if (marker == EOI) {
        return true;
      }
      if (marker == TEM || marker == 0x00 || isRestart(marker)) {
        i += 2; // markers without a length field
        continue;
      }
      if (i + 3 >= b.length) {
        return false;
      }
      int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
      i += 2 + length;
      if (marker == SOS) {
        i = skipEntropyCodedData(b, i);
      }
    }
    return false;
  }

  /** Index of the next marker after the scan data starting at {@code i}, or {@code b.length}. */
  private static int skipEntropyCodedData(byte[] b, int i) {
    while (i + 1 < b.length) {
      if ((b[i] & 0xFF) == 0xFF) {
        int next = b[i + 1] & 0xFF;
        if (next != 0x00 && !isRestart(next) && next != 0xFF) {
          return i;
        }
        i += next == 0xFF ? 1 : 2;
      } else {
        i++;
      }
    }
    return b.length;
  }

  private static boolean isRestart(int marker) {
    return marker >= 0xD0 && marker <= 0xD7;
  }
}
