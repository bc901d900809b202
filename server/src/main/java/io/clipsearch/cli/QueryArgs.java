package io.clipsearch.cli;

import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds the query text from the words the shell passed: the shell removed the quotes of {@code
 * 2:"red car"} and left one argument {@code 2:red car}; quoting such an argument again (after its
 * {@code -}, {@code +} or weight prefix) gives the query parser back the phrase that was typed.
 */
final class QueryArgs {

  private static final Pattern PREFIXED =
      Pattern.compile("([+-]|[+-]?[0-9.]+:)?(.*)", Pattern.DOTALL);

  private QueryArgs() {}

  static String join(List<String> words) {
    StringJoiner query = new StringJoiner(" ");
    for (String w : words) {
      if (w.chars().anyMatch(Character::isWhitespace) && !w.contains("\"")) {
        Matcher m = PREFIXED.matcher(w.strip());
        m.matches();
        query.add((m.group(1) == null ? "" : m.group(1)) + '"' + m.group(2) + '"');
      } else {
        query.add(w);
      }
    }
    return query.toString();
  }
}
