package io.clipsearch.ingest;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The paths one scan found, kept as 64-bit hashes (FNV-1a over the path's characters): 8 bytes a
 * file instead of the path itself, so a scan of millions of files stays small. Membership is exact
 * but for hash collisions, which among a million paths happen with odds of about 1 in 36 million; a
 * collision can only keep a deleted file's document one run longer (serving it is refused all the
 * same, as the file is gone). Written by one thread, then {@link #seal sealed} and read; not
 * thread-safe.
 */
final class SeenPaths {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private long[] hashes = new long[1024];
  private int size;
  private boolean sealed;

  void add(Path path) {
    if (sealed) {
      throw new IllegalStateException("sealed");
    }
    if (size == hashes.length) {
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    hashes[size++] = hash(path);
  }

  int size() {
    return size;
  }

  /** Ends adding; lookups may start. */
  void seal() {
    Arrays.sort(hashes, 0, size);
    sealed = true;
  }

  boolean contains(Path path) {
    if (!sealed) {
      throw new IllegalStateException("not sealed");
    }
    return Arrays.binarySearch(hashes, 0, size, hash(path)) >= 0;
  }

  static long hash(Path path) {
    String s = path.toString();
    long h = FNV_OFFSET;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * FNV_PRIME;
    }
    return h;
  }
}
