package io.clipsearch.search;

import io.clipsearch.index.IndexFields;
import java.util.List;
import java.util.Locale;

/**
 * How an engine's keyword index analyzes text ({@link IndexFields#TEXT}): what {@link TextMatcher}
 * and the hybrid ranking need to see a query's words as the index sees them, without knowing the
 * engine. Implementations are thread-safe.
 */
public interface KeywordAnalyzer {

  /** The text's distinct terms as the index sees them, in order (empty: nothing to match). */
  List<String> terms(String text);

  /** Whether the word (any case) is a stop word the keyword search ignores ("a", "the", ...). */
  boolean isStopWord(String word);

  /**
   * The query's words worth matching against names and tags, stop words dropped, since "a cat"
   * should not match every "A Walk in the Park.jpg".
   */
  default String keywords(String text) {
    StringBuilder out = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (!word.isEmpty() && !isStopWord(word.toLowerCase(Locale.ROOT))) {
        out.append(out.isEmpty() ? "" : " ").append(word);
      }
    }
    return out.toString();
  }
}
