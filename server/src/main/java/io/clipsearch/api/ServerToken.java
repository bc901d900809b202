package io.clipsearch.api;

import io.micronaut.context.annotation.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token of this server: the configured one, or a random one generated at start and
 * written to {@code <data dir>/server-token} (owner-only) so local clients can read it, as Jupyter
 * does. Compares in constant time. Immutable after construction.
 */
@Context // created at start, so the token file is there before the first request
public final class ServerToken {

  static final String TOKEN_FILE = "server-token";
  private static final Logger log = LoggerFactory.getLogger(ServerToken.class);

  private final byte[] token;

  public ServerToken(AuthConfig auth, DataConfig data) {
    String configured = auth.token();
    if (configured != null && !configured.isBlank()) {
      token = configured.strip().getBytes(StandardCharsets.UTF_8);
    } else {
      String generated = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
      token = generated.getBytes(StandardCharsets.UTF_8);
      Path file = data.dir().resolve(TOKEN_FILE);
      write(file, generated);
      log.info("no clipsearch.auth.token configured: generated one in {}", file.toAbsolutePath());
    }
  }

  /** Whether {@code presented} is the token. */
  public boolean matches(String presented) {
    return presented != null
        && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Path file, String value) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), TOKEN_FILE, ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the folder's permissions apply
      }
      Files.writeString(tmp, value + "\n");
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the server token to " + file, e);
    }
  }
}
