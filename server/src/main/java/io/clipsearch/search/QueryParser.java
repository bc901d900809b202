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
 *          | filter                    no prefix
 * filter  := 'rating>=' n | 'rating&lt;=' n | 'rating:' n    XMP star rating, n from -1 (rejected) to 5
 *          | 'label:' colour           XMP colour label, e.g. label:red
 *          | 'person:' name            photos of the person named so (people.People), e.g.
 *                                      person:Anna or person:"Anna Berg"
 *          | '-person:' name           photos without that person, e.g. -person:Ben
 * </pre>
 *
 * <p>Filters narrow which photos may be returned and are no part of any prompt: {@code beach
 * rating>=4 sunset} is the prompt "beach sunset" over photos of four stars or more. {@code
 * rating:-1} asks for the rejected photos, which a search otherwise leaves out. Several {@code
 * person:} filters ask for photos showing all of them: {@code person:Anna person:Ben beach}; {@code
 * -person:Ben} leaves out the photos showing Ben. A query whose only positive part is a person
 * filter ({@code person:Anna}, {@code person:Anna -person:Ben rating>=3}) is a person listing
 * ({@link ParsedQuery#isPersonListing()}): every photo of her.
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
 * term, {@code like:} without an id, a rating outside -1..5, a prefix on a filter (but {@code
 * -person:}), an empty query, a query of only negative parts, a query of only filters naming no
 * person, and queries of more than {@link #MAX_TERMS} parts. The query's length is not checked
 * here: {@link SearchRequest} owns that bound, and every query the parser sees comes from one.
 */
public final class QueryParser {

  /** Most parts in one query: each text part costs one text-tower call. */
  public static final int MAX_TERMS = 16;

  /** Largest absolute weight; beyond it one part drowns out the others anyway. */
  public static final double MAX_WEIGHT = 10;

  private static final String LIKE = "like:";

  /** Something shaped like a weight prefix; whether the number parses is checked separately. */
  private static final Pattern WEIGHT = Pattern.compile("[+-]?[0-9.]+:");

  /** A rating filter, up to a space, a quote or the end. */
  private static final Pattern RATING =
      Pattern.compile("(?i)rating(>=|<=|:)([+-]?[0-9]{1,9})(?=[\\s\"]|$)");

  /** A label filter. */
  private static final Pattern LABEL = Pattern.compile("(?i)label:([^\\s\"]+)");

  /** A person filter: a quoted name, or a word. */
  private static final Pattern PERSON = Pattern.compile("(?i)person:(?:\"([^\"]+)\"|([^\\s\"]+))");

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
    private Integer minRating;
    private Integer maxRating;
    private String label;
    private final List<String> persons = new ArrayList<>();
    private final List<String> excludedPersons = new ArrayList<>();
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
      if (terms.isEmpty() && !persons.isEmpty()) {
        return new ParsedQuery(terms, filters(), persons, excludedPersons);
      }
      if (terms.isEmpty()) {
        // a person's photos are a bounded, meaningful set; filters alone (rating>=4) would list a
        // whole library, which is browsing's job (the photo listing takes the same filters)
        throw new IllegalArgumentException(
            "query '"
                + s
                + "' has only filters: add something to look for, e.g. 'beach rating>=4'");
      }
      if (terms.stream().noneMatch(t -> t.weight() > 0)) {
        throw new IllegalArgumentException(
            "query '"
                + s
                + "' has only negative parts: add"
                + " something to look for, e.g. 'beach -people'");
      }
      return new ParsedQuery(terms, filters(), persons, excludedPersons);
    }

    private SearchFilters filters() {
      if (minRating == null && maxRating == null && label == null) {
        return SearchFilters.NONE;
      }
      return new SearchFilters(
          null, null, null, null, null, null, minRating, maxRating, label, false);
    }

    /** A filter at the current position, if there is one: taken, and true. */
    private boolean filter(String prefix, int start) {
      Matcher rating = RATING.matcher(s).region(i, s.length());
      Matcher labelled = LABEL.matcher(s).region(i, s.length());
      Matcher person = PERSON.matcher(s).region(i, s.length());
      boolean isRating = rating.lookingAt();
      boolean isPerson = !isRating && person.lookingAt();
      if (!isRating && !isPerson && !labelled.lookingAt()) {
        return false;
      }
      if (prefix != null && !(isPerson && prefix.equals("-"))) {
        throw new IllegalArgumentException(
            "'"
                + prefix
                + "' at position "
                + (start + 1)
                + " cannot apply to a filter: write it without, e.g. rating>=4 or label:red");
      }
      if (isRating) {
        int n = Integer.parseInt(rating.group(2));
        if (n < SearchFilters.REJECTED || n > SearchFilters.MAX_RATING) {
          throw new IllegalArgumentException(
              "rating "
                  + rating.group(2)
                  + " at position "
                  + (i + 1)
                  + " is out of range: use -1 (rejected) to 5");
        }
        switch (rating.group(1)) {
          case ">=" -> minRating = n;
          case "<=" -> maxRating = n;
          default -> {
            minRating = n;
            maxRating = n;
          }
        }
        i = rating.end();
      } else if (isPerson) {
        String name = (person.group(1) != null ? person.group(1) : person.group(2)).strip();
        if (name.isEmpty()) {
          throw new IllegalArgumentException(
              "'person:' at position " + (i + 1) + " needs a name, e.g. person:Anna");
        }
        (prefix == null ? persons : excludedPersons).add(name);
        i = person.end();
      } else {
        label = labelled.group(1);
        i = labelled.end();
      }
      return true;
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
      if (filter(prefix, start)) {
        return;
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
