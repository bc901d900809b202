package io.clipsearch.app.net;

import java.util.regex.Pattern;

/**
 * Turns the server's error messages into plain sentences: validation messages name request fields
 * ({@code query.q: size must be between 0 and 1000}), which mean nothing to the person at the
 * window. Messages the server already words for people pass through.
 */
public final class PlainErrors {

  /** A bean-validation prefix naming the request field, as in {@code query.q: }. */
  private static final Pattern FIELD_PREFIX = Pattern.compile("^[a-zA-Z]+(\\.[a-zA-Z]+)+: ");

  private PlainErrors() {}

  /** The message to show for a failed call; other errors keep their message. */
  public static String of(Throwable error) {
    if (!(error instanceof ClientException e)) {
      return error.getMessage() == null ? error.toString() : error.getMessage();
    }
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.startsWith("no collection '")) {
      return "There are no photos here yet: add a photo folder under Collections.";
    }
    if (m.contains("q: size must be between")) {
      return "That search is too long: use at most 1,000 characters.";
    }
    if (m.contains("offset") && m.contains("limit")) {
      return "Only the first 1,000 results can be shown: narrow the search with more words or filters.";
    }
    if (e instanceof ApiException api && api.status() >= 500) {
      return "The search engine had a problem with this search. Please try again.";
    }
    String plain = FIELD_PREFIX.matcher(m).replaceFirst("");
    return plain.isEmpty()
        ? "The search did not work."
        : Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
  }
}
