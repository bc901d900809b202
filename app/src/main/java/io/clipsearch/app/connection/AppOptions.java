package io.clipsearch.app.connection;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the app was started ({@code clipsearch app} options), validated.
 *
 * @param model the model folder for embedded mode, or null (CLIPSEARCH_MODEL_DIR)
 * @param data the data folder for embedded mode, or null (the server's default)
 * @param server the remote server, or null for embedded mode
 * @param token the remote server's bearer token, or null (the one remembered for it)
 * @param kiosk whether to start in kiosk mode
 * @param collection the collection to search, or null (the last one)
 * @param pin the PIN that exits kiosk mode, or null
 * @param idle the kiosk's idle timeout
 * @param theme {@code light}, {@code dark} or null (the remembered one)
 */
public record AppOptions(
    Path model,
    Path data,
    URI server,
    String token,
    boolean kiosk,
    String collection,
    String pin,
    Duration idle,
    String theme) {

  /** Embedded mode, defaults everywhere. */
  public static final AppOptions DEFAULTS =
      new AppOptions(null, null, null, null, false, null, null, Duration.ofSeconds(90), null);

  public AppOptions {
    if (idle == null || idle.isNegative() || idle.isZero()) {
      throw new IllegalArgumentException("idle time must be positive, got " + idle);
    }
    if (theme != null && !theme.equals("light") && !theme.equals("dark")) {
      throw new IllegalArgumentException("theme must be light or dark, got " + theme);
    }
  }

  /** Whether the app talks to a remote server (else it starts one in-process). */
  public boolean remote() {
    return server != null;
  }
}
