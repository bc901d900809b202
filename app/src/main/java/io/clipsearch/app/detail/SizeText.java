package io.clipsearch.app.detail;

import java.util.Locale;

/** A file's size in words: bytes, KB or MB (decimal units, as file managers show them). */
final class SizeText {

  private SizeText() {}

  /** {@code 512 bytes}, {@code 48 KB}, {@code 3.2 MB}: a small file never reads as "0.0 MB". */
  static String of(long bytes) {
    if (bytes < 1_000) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    if (bytes < 999_500) {
      return String.format(Locale.ROOT, "%.0f KB", bytes / 1e3);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }
}
