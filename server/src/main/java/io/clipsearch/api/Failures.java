package io.clipsearch.api;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Says what went wrong in one line, causes included: "this IndexWriter is closed" alone hides the
 * "No space left on device" underneath, which is what the user can act on.
 */
final class Failures {

  private Failures() {}

  /** The messages of {@code e} and its causes, outermost first, repeats left out. */
  static String describe(Throwable e) {
    Set<String> messages = new LinkedHashSet<>();
    for (Throwable t = e; t != null && messages.size() < 8; t = t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (messages.stream().noneMatch(m -> m.contains(message))) {
        messages.add(message);
      }
    }
    return String.join(": ", messages);
  }
}
