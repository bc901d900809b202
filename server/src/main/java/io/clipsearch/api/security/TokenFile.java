package io.clipsearch.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A bearer token kept in a file of the data folder, readable only by its owner (as Jupyter keeps
 * its token): {@code server-token} (full access) or {@code server-read-token} (search and view).
 * The server reads it at start; {@code clipsearch token} prints or rotates it. Writes are atomic (a
 * temporary file moved into place), so a reader never sees half a token. Plain Java; an immutable
 * value, safe to share.
 *
 * @param file where the token lives
 */
public record TokenFile(Path file) {

  /** The full token's file name in the data folder. */
  public static final String FULL = "server-token";

  /** The read-only token's file name in the data folder. */
  public static final String READ_ONLY = "server-read-token";

  public TokenFile {
    Objects.requireNonNull(file, "file");
  }

  /** The token file {@code name} of the data folder {@code dataDir}. */
  public static TokenFile in(Path dataDir, String name) {
    return new TokenFile(dataDir.resolve(name));
  }

  /**
   * The token in the file, if there is one.
   *
   * @throws UncheckedIOException if the file exists but cannot be read
   */
  public Optional<String> read() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String token = Files.readString(file).strip();
      return token.isEmpty() ? Optional.empty() : Optional.of(token);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the token in " + file, e);
    }
  }

  /** The token in the file, or a new one written there when there is none. */
  public String readOrCreate() {
    return read().orElseGet(this::rotate);
  }

  /**
   * Writes a new random token (24 random bytes as hex) over the old one.
   *
   * @return the new token
   * @throws UncheckedIOException if it cannot be written
   */
  public String rotate() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String token = HexFormat.of().formatHex(random);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      // createTempFile makes the file owner-only on POSIX before the token is in it
      Path tmp =
          Files.createTempFile(
              file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the folder's permissions apply
      }
      Files.writeString(tmp, token + "\n");
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the token to " + file, e);
    }
    return token;
  }
}
