package io.clipsearch.app.net;

import java.util.Optional;

/**
 * Incremental parser of a Server-Sent Events stream, one line at a time (the subset the server
 * sends: {@code event:}, {@code data:}, {@code id:}, comments, blank line dispatches).
 *
 * <p>Not thread-safe: one parser per stream.
 */
public final class SseParser {

  /**
   * One dispatched event: its name ({@code message} when unnamed) and data lines joined by '\n'.
   */
  public record Event(String name, String data) {}

  private String name = "message";
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;

  /**
   * Feeds one line (without its terminator).
   *
   * @return the event that a blank line completes, if any
   */
  public Optional<Event> feed(String line) {
    if (line.isEmpty()) {
      Optional<Event> event =
          hasData ? Optional.of(new Event(name, data.toString())) : Optional.empty();
      name = "message";
      data.setLength(0);
      hasData = false;
      return event;
    }
    if (line.startsWith(":")) {
      return Optional.empty();
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "event" -> name = value;
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      default -> {
        // id, retry: not used by the client
      }
    }
    return Optional.empty();
  }
}
