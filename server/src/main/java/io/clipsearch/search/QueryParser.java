package io.clipsearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses what people type into the search box into weighted {@link QueryTerm}s. Pure Java, no index
 * or model; stateless and thread-safe.
 *
 * <h2>Grammar</h2>
 *
 * <pre>
 * query   := part (space part)*
 * part    := [prefix] body
 * prefix  := '-'                       weight -1: subtract this part
 *          | '+'                       weight +1: an extra, separate prompt
 *          | number ':'                weight number, e.g. 2: 0.5: -1.5: (0 &lt; |number| &lt;= 10)
 * body    := '"' phrase '"'            a quoted prompt, spaces kept
 *          | 'like:' id                the indexed image with this content id
 *          | word                      a run of characters up to a space or a quote
 * </pre>
 *
 * <p>Bare words (no prefix, not quoted) that follow one another form <em>one</em> prompt: {@code
 * beach sunset -people} is the prompt "beach sunset" minus the prompt "people", because CLIP's text
 * tower understands a sentence better than the average of its words. Any other part ends the run:
 * {@code beach -people sunset} is three parts. A prefix applies to one word or one quoted phrase:
 * write {@code -"red car"} to subtract a phrase. A word that looks like a weight, such as {@code
 * 12:30}, is read as one (weight 12, word "30"); quote it to search for it literally.
 *
 * <p>Examples: {@code 2:"red car" +snow} (the prompt "red car" counted twice, plus "snow"), {@code
 * like:3fa9… -people}, {@code 0.5:dog cat}.
 *
 * <h2>Errors</h2>
 *
 * <p>Malformed input throws {@link IllegalArgumentException} whose message names the 1-based
 * character position: unclosed quote, empty phrase, bad or out-of-range weight, a prefix with no
 * term, {@code like:} without an id, an empty query, a query of only negative parts, and queries of
 * more than {@link #MAX_TERMS} parts. The query's length is not checked here: {@link SearchRequest}
 * owns that bound, and every query the parser sees comes from one.
 */
public final class QueryParser {

  /** Most parts in one query: each text part costs one text-tower call. */
  public static final int MAX_TERMS = 16;

  /** Largest absolute weight; beyond it one part drowns out the others anyway. */
  public static final double MAX_WEIGHT = 10;

  private static final String LIKE = "like:";

  /** Something shaped like a weight prefix; whether the number parses is checked separately. */
  private static final Pattern WEIGHT = Pattern.compile("[+-]?[0-9.]+:");

  /**
   * Parses a query.
   *
   * @throws IllegalArgumentException if the query is malformed (the message says where and why)
   */
  public ParsedQuery parse(String query) {
    Objects.requireNonNull(query, "query");
    if (query.isBlank()) {
      throw new IllegalArgumentException("query is empty");
    }
    return new Scan(query).run();
  }

  /** One pass over one query string. */
  private static final class Scan {
    private final String s;
    private final List<QueryTerm> terms = new ArrayList<>();
    private final StringBuilder bareRun = new StringBuilder();
    private int i;

    Scan(String s) {
      this.s = s;
    }

    ParsedQuery run() {
      while (true) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
          i++;
        }
        if (i == s.length()) {
          break;
        }
        part();
      }
      flushBareRun();
      if (terms.stream().noneMatch(t -> t.weight() > 0)) {
        throw new IllegalArgumentException(
            "query '"
                + s
                + "' has only negative parts: add"
                + " something to look for, e.g. 'beach -people'");
      }
      return new ParsedQuery(terms);
    }

    private void part() {
      int start = i;
      Double weight = null;
      String prefix = null;
      Matcher m = WEIGHT.matcher(s).region(i, s.length());
      if (m.lookingAt()) {
        prefix = s.substring(i, m.end());
        weight = parseWeight(s.substring(i, m.end() - 1), start);
        i = m.end();
      } else if (s.charAt(i) == '-' || s.charAt(i) == '+') {
        prefix = String.valueOf(s.charAt(i));
        weight = s.charAt(i) == '-' ? -1.0 : 1.0;
        i++;
      }
      if (weight != null && (i == s.length() || Character.isWhitespace(s.charAt(i)))) {
        throw new IllegalArgumentException(
            "'" + prefix + "' at position " + (start + 1) + " has no term after it");
      }
      if (s.charAt(i) == '"') {
        add(new QueryTerm.Text(phrase(), weight == null ? 1.0 : weight));
      } else if (s.regionMatches(true, i, LIKE, 0, LIKE.length())) {
        int likeAt = i;
        i += LIKE.length();
        String id = word();
        if (id.isEmpty()) {
          throw new IllegalArgumentException(
              "'like:' at position " + (likeAt + 1) + " needs an image id, e.g. like:3fa9c2");
        }
        add(new QueryTerm.Like(id, weight == null ? 1.0 : weight));
      } else if (weight == null) {
        if (!bareRun.isEmpty()) {
          bareRun.append(' ');
        }
        bareRun.append(word());
      } else {
        add(new QueryTerm.Text(word(), weight));
      }
    }

    private double parseWeight(String text, int start) {
      double w;
      try {
        w = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "bad weight '"
                + text
                + "' at position "
                + (start + 1)
                + ": use a number such as 2, 0.5 or -1.5");
      }
      if (w == 0 || Math.abs(w) > MAX_WEIGHT) {
        throw new IllegalArgumentException(
            "weight "
                + text
                + " at position "
                + (start + 1)
                + " is out of range: use a non-zero number between -"
                + (int) MAX_WEIGHT
                + " and "
                + (int) MAX_WEIGHT);
      }
      return w;
    }

    private String phrase() {
      int open = i;
      int close = s.indexOf('"', open + 1);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed quote at position " + (open + 1));
      }
      String phrase = s.substring(open + 1, close).strip();
      if (phrase.isEmpty()) {
        throw new IllegalArgumentException("empty phrase at position " + (open + 1));
      }
      i = close + 1;
      return phrase;
    }

    private String word() {
      int start = i;
      while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '"') {
        i++;
      }
      return s.substring(start, i);
    }

    private void add(QueryTerm term) {
      flushBareRun();
      append(term);
    }

    private void flushBareRun() {
      if (!bareRun.isEmpty()) {
        append(new QueryTerm.Text(bareRun.toString(), 1.0));
        bareRun.setLength(0);
      }
    }

    private void append(QueryTerm term) {
      if (terms.size() == MAX_TERMS) {
        throw new IllegalArgumentException(
            "query has more than " + MAX_TERMS + " parts; combine words into one prompt");
      }
      terms.add(term);
    }
  }
}
