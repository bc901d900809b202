package io.clipsearch.app.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recent queries, newest first, without duplicates or blanks, at most {@link #MAX} entries. Not
 * thread-safe: used on the EDT.
 */
public final class QueryHistory {

  public static final int MAX = 50;

  private final List<String> entries = new ArrayList<>();

  /**
   * @param initial stored entries, newest first
   */
  public QueryHistory(List<String> initial) {
    for (int i = initial.size() - 1; i >= 0; i--) {
      record(initial.get(i));
    }
  }

  /**
   * Moves {@code query} (stripped) to the front; blank queries and {@code like:} searches of a
   * single image id are not worth remembering.
   *
   * @return whether the history changed
   */
  public boolean record(String query) {
    if (query == null || query.isBlank() || query.strip().matches("like:\\S+")) {
      return false;
    }
    String q = query.strip();
    if (!entries.isEmpty() && entries.getFirst().equals(q)) {
      return false;
    }
    entries.remove(q);
    entries.addFirst(q);
    while (entries.size() > MAX) {
      entries.removeLast();
    }
    return true;
  }

  /** Entries starting with {@code prefix} (case-insensitive), newest first; all when blank. */
  public List<String> matching(String prefix) {
    if (prefix == null || prefix.isBlank()) {
      return List.copyOf(entries);
    }
    String p = prefix.strip().toLowerCase(Locale.ROOT);
    return entries.stream().filter(e -> e.toLowerCase(Locale.ROOT).startsWith(p)).toList();
  }

  /** All entries, newest first. */
  public List<String> entries() {
    return List.copyOf(entries);
  }

  public void clear() {
    entries.clear();
  }
}
