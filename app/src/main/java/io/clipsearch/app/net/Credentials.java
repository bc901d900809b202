package io.clipsearch.app.net;

import java.util.Optional;

/**
 * Where a {@link ClipsearchClient} gets its bearer token, and a new one when the server refuses it
 * (401). Implementations are thread-safe: every request of the client asks, from its own worker
 * thread.
 */
public interface Credentials {

  /** The token to send, or null to send none. */
  String token();

  /**
   * A token to retry with after the server refused {@code refused} (which may be null: no token was
   * sent). May block, asking the user; never called on the EDT.
   *
   * @return the token to retry with; empty to give up (the request fails with 401)
   */
  Optional<String> renew(String refused);

  /** A token that never changes (embedded mode, tests): a refusal is final. */
  static Credentials fixed(String token) {
    String t = token == null || token.isBlank() ? null : token;
    return new Credentials() {
      @Override
      public String token() {
        return t;
      }

      @Override
      public Optional<String> renew(String refused) {
        return Optional.empty();
      }
    };
  }
}
