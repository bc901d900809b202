package io.clipsearch.app.connection;

import io.clipsearch.app.net.Credentials;
import io.clipsearch.app.settings.AppSettings;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Remote mode's token: the one given on the command line, else the one remembered for this server
 * in {@link AppSettings}; when the server refuses it (a new token after a restart, reads that now
 * need one), the user is asked once and the answer is remembered for this server.
 *
 * <p>Thread-safe. Requests refused together (a page of thumbnails) share one question: the first
 * asks, the others wait and retry with its answer; if the user cancels, the waiting ones give up
 * too, and only a later request asks again.
 */
public final class RemoteCredentials implements Credentials {

  /** Asks the user for the server's token; blocks; called off the EDT. */
  @FunctionalInterface
  public interface Prompt {
    /**
     * @param server the server that refused
     * @param refused whether a token was sent and refused (else none was sent)
     * @return the token typed, or empty if the user cancelled
     */
    Optional<String> ask(URI server, boolean refused);
  }

  private final URI server;
  private final AppSettings settings;
  private final Prompt prompt;
  private final ReentrantLock asking = new ReentrantLock();
  private volatile String token;

  /** Questions answered so far: a request that waited through one does not ask again. */
  private volatile long answered;

  /**
   * @param token the token to start with (the command line's), or null for the remembered one
   */
  public RemoteCredentials(URI server, String token, AppSettings settings, Prompt prompt) {
    this.server = Objects.requireNonNull(server, "server");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.prompt = Objects.requireNonNull(prompt, "prompt");
    this.token =
        token != null && !token.isBlank() ? token : settings.serverToken(server).orElse(null);
  }

  @Override
  public String token() {
    return token;
  }

  @Override
  public Optional<String> renew(String refused) {
    long before = answered;
    asking.lock();
    try {
      if (!Objects.equals(refused, token)) {
        return Optional.ofNullable(token); // renewed while this request was out
      }
      if (answered != before) {
        return Optional.empty(); // the user cancelled the question this request waited for
      }
      Optional<String> typed =
          prompt.ask(server, refused != null).map(String::strip).filter(t -> !t.isEmpty());
      typed.ifPresent(
          t -> {
            token = t;
            settings.setServerToken(server, t);
            settings.save();
          });
      answered++;
      return typed;
    } finally {
      asking.unlock();
    }
  }
}
