package io.clipsearch.model.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks a file on disk against the Hub's listing: its size, then its SHA-256 (LFS files) or Git
 * blob SHA-1 (small files kept in Git). Stateless.
 */
final class HubFileCheck {

  private static final int BUFFER_BYTES = 1 << 16;

  private HubFileCheck() {}

  /**
   * What is wrong with {@code file} compared with {@code expected}, or empty if nothing.
   *
   * @throws IOException if the file cannot be read
   */
  static Optional<String> mismatch(Path file, HubFile expected) throws IOException {
    long size = Files.size(file);
    if (size != expected.size()) {
      return Optional.of("size " + size + " bytes, expected " + expected.size());
    }
    MessageDigest digest;
    String want;
    String algorithm;
    if (expected.sha256() != null) {
      digest = digest("SHA-256");
      want = expected.sha256();
      algorithm = "SHA-256";
    } else {
      // Git's blob id hashes a header and the content: SHA-1("blob <size>\0" + bytes).
      digest = digest("SHA-1");
      digest.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
      want = expected.gitBlobSha1();
      algorithm = "Git blob SHA-1";
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[BUFFER_BYTES];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    String got = HexFormat.of().formatHex(digest.digest());
    return got.equalsIgnoreCase(want)
        ? Optional.empty()
        : Optional.of(algorithm + " " + got + ", expected " + want);
  }

  /** Whether {@code file} is in place and matches {@code expected}: a file a pull can skip. */
  static boolean isComplete(Path file, HubFile expected) throws IOException {
    return Files.isRegularFile(file)
        && Files.size(file) == expected.size()
        && mismatch(file, expected).isEmpty();
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required of every Java platform", e);
    }
  }
}
