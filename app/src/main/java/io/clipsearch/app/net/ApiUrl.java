package io.clipsearch.app.net;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * A relative URL of the API, built the one way the client builds them: path segments and parameter
 * values percent-encoded (a space as {@code %20}), parameters left out when null or blank.
 *
 * <pre>{@code
 * ApiUrl.of("/api/collections").segment(name).path("/photos").param("limit", 100).toString()
 * // "/api/collections/my%20trips/photos?limit=100"
 * }</pre>
 *
 * <p>Mutable; one instance builds one URL.
 */
final class ApiUrl {

  private final StringBuilder path;
  private final StringJoiner params = new StringJoiner("&", "?", "").setEmptyValue("");

  private ApiUrl(String path) {
    this.path = new StringBuilder(path);
  }

  /** A URL starting with {@code path}, taken as written (not encoded). */
  static ApiUrl of(String path) {
    return new ApiUrl(path);
  }

  /** Appends {@code /} and {@code value}, encoded: a collection name, an id. */
  ApiUrl segment(String value) {
    path.append('/').append(encode(value));
    return this;
  }

  /** Appends {@code literal} as written (a fixed part such as {@code /photos}). */
  ApiUrl path(String literal) {
    path.append(literal);
    return this;
  }

  /** Adds {@code name=value}, encoded; nothing when {@code value} is null or blank. */
  ApiUrl param(String name, Object value) {
    if (value != null && !value.toString().isBlank()) {
      params.add(name + "=" + encode(value.toString()));
    }
    return this;
  }

  @Override
  public String toString() {
    return path + params.toString();
  }

  /** {@code s} percent-encoded for a path segment or a parameter value. */
  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
