package io.clipsearch.model.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte-level alphabet of CLIP's BPE (the reference's {@code bytes_to_unicode}): every byte
 * value stands for one printable character, so that BPE works on strings yet covers any UTF-8 text
 * without an unknown token. Printable Latin-1 bytes stand for themselves; the others (space,
 * controls) for characters from U+0100 on.
 *
 * <p>Immutable and thread-safe.
 */
final class ByteLevel {

  private static final int BYTE_VALUES = 256;

  /** Byte values in the reference's order: printable ones first. Vocabulary ids follow it. */
  private static final int[] ORDER = new int[BYTE_VALUES];

  /** The character of each byte value, indexed by the unsigned byte. */
  private static final char[] CHAR_OF_BYTE = new char[BYTE_VALUES];

  static {
    int next = 0;
    boolean[] printable = new boolean[BYTE_VALUES];
    for (int b = 0; b < BYTE_VALUES; b++) {
      printable[b] = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      if (printable[b]) {
        ORDER[next++] = b;
        CHAR_OF_BYTE[b] = (char) b;
      }
    }
    int shifted = 0;
    for (int b = 0; b < BYTE_VALUES; b++) {
      if (!printable[b]) {
        ORDER[next++] = b;
        CHAR_OF_BYTE[b] = (char) (BYTE_VALUES + shifted++);
      }
    }
  }

  private ByteLevel() {}

  /** The 256 one-character symbols, in the order the OpenAI vocabulary numbers them. */
  static List<String> alphabet() {
    List<String> symbols = new ArrayList<>(BYTE_VALUES);
    for (int b : ORDER) {
      symbols.add(String.valueOf(CHAR_OF_BYTE[b]));
    }
    return symbols;
  }

  /** The UTF-8 bytes of {@code text}, one character per byte. */
  static String encode(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    char[] chars = new char[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      chars[i] = CHAR_OF_BYTE[bytes[i] & 0xFF];
    }
    return new String(chars);
  }
}
