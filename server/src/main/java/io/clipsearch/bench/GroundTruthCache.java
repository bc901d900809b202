package io.clipsearch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Exact neighbours of a query file computed once and kept next to it as {@code .ivecs}, named by a
 * SHA-256 of both input files' bytes, the depth and the filter: {@code
 * <queries>.truth-<hash>-k<K>[-<filter>].ivecs}. Changed inputs get a new name, so a stale cache is
 * never read; a cached file of the wrong shape is recomputed.
 */
public final class GroundTruthCache {

  private final Path vectors;
  private final Path queries;
  private final String hash;

  /**
   * Hashes both files (seconds for gigabytes; the brute force it saves takes minutes).
   *
   * @throws IOException if either cannot be read
   */
  public GroundTruthCache(Path vectors, Path queries) throws IOException {
    this.vectors = vectors;
    this.queries = queries;
    MessageDigest sha = sha256();
    digest(sha, vectors);
    digest(sha, queries);
    this.hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
  }

  /** Where the neighbours for this depth and filter name are cached. */
  public Path fileFor(int k, String filterName) {
    String stem = queries.getFileName().toString().replaceFirst("\\.[^.]*$", "");
    String suffix = filterName.isEmpty() ? "" : "-" + filterName;
    return queries.resolveSibling(stem + ".truth-" + hash + "-k" + k + suffix + ".ivecs");
  }

  /**
   * The cached neighbours for {@code rows} queries, or {@code compute}'s, cached for next time. An
   * unwritable folder only costs the cache, not the run.
   */
  public int[][] get(int k, String filterName, int rows, Supplier<int[][]> compute)
      throws IOException {
    Path file = fileFor(k, filterName);
    if (Files.isRegularFile(file)) {
      int[][] cached = VecsFile.readInts(file);
      if (cached.length == rows) {
        return cached;
      }
    }
    int[][] truth = compute.get();
    try {
      VecsFile.writeInts(file, truth);
    } catch (IOException e) {
      System.getLogger(GroundTruthCache.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "cannot cache ground truth of " + vectors + " at " + file + ": " + e.getMessage());
    }
    return truth;
  }

  private static void digest(MessageDigest sha, Path file) throws IOException {
    byte[] buf = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        sha.update(buf, 0, n);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }
}
