package io.clipsearch.api.security;

import io.clipsearch.api.config.DataConfig;
import io.micronaut.context.annotation.Context;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer tokens of this server: the full token (every endpoint) and, optionally, a read-only
 * one (search and view). Each is the configured value, else the one in its {@link TokenFile} of the
 * data folder; the full token is generated into {@code server-token} at the first start and kept
 * across restarts, so a client that remembered it keeps working. Compares in constant time.
 * Immutable after construction; the tokens never reach a log.
 */
@Context // created at start, so the token file is there before the first request
public final class ServerToken {

  /** What a presented token allows. */
  public enum Access {
    /** no token, or a wrong one */
    NONE,
    /** the read-only token: search and view */
    READ,
    /** the full token: everything */
    FULL
  }

  private static final Logger log = LoggerFactory.getLogger(ServerToken.class);

  private final byte[] full;
  private final byte[] readOnly;
  private final Path file;

  public ServerToken(AuthConfig auth, DataConfig data) {
    TokenFile fullFile = TokenFile.in(data.dir(), TokenFile.FULL);
    if (configured(auth.token())) {
      full = bytes(auth.token());
      file = null;
    } else {
      file = fullFile.file().toAbsolutePath();
      full =
          bytes(
              fullFile
                  .read()
                  .orElseGet(
                      () -> {
                        log.info(
                            "generated the server's token into {} (`clipsearch token` prints it)",
                            file);
                        return fullFile.rotate();
                      }));
    }
    Optional<String> read =
        configured(auth.readToken())
            ? Optional.of(auth.readToken())
            : TokenFile.in(data.dir(), TokenFile.READ_ONLY).read();
    readOnly = read.map(ServerToken::bytes).orElse(null);
    if (readOnly != null && MessageDigest.isEqual(readOnly, full)) {
      throw new IllegalStateException(
          "the read-only token is the full token: give it a token of its own"
              + " (`clipsearch token --read-only --rotate`)");
    }
  }

  /** What {@code presented} (a bearer token, or null) allows. */
  public Access access(String presented) {
    if (presented == null) {
      return Access.NONE;
    }
    byte[] p = bytes(presented);
    if (MessageDigest.isEqual(full, p)) {
      return Access.FULL;
    }
    return readOnly != null && MessageDigest.isEqual(readOnly, p) ? Access.READ : Access.NONE;
  }

  /**
   * The file the full token was read from; empty when it is configured ({@code
   * clipsearch.auth.token}).
   */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** Whether a read-only token is configured. */
  public boolean hasReadOnly() {
    return readOnly != null;
  }

  private static boolean configured(String token) {
    return token != null && !token.isBlank();
  }

  private static byte[] bytes(String token) {
    return token.strip().getBytes(StandardCharsets.UTF_8);
  }
}
