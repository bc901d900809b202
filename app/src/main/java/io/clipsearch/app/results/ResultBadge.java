package io.clipsearch.app.results;

import io.clipsearch.api.types.SearchResultHit;
import java.util.Locale;

/**
 * The text of a result's badge: its score (where scores are shown) and what the query's words
 * matched, from the server's {@link SearchResultHit#matchedBy()}: a file name reads "name", an
 * automatic tag "tag", never the other way round. A hit whose match the server does not name (an
 * older server) gets no match label rather than a guessed one.
 */
public final class ResultBadge {

  /**
   * {@link SearchResultHit#matchedBy()} of the photos of a person listing ({@code person:Anna}).
   */
  static final String PERSON = "person";

  private ResultBadge() {}

  /**
   * @param showScores false in kiosk mode: visitors see no raw numbers
   * @return the badge text, or null for no badge
   */
  public static String text(SearchResultHit hit, boolean showScores) {
    String match = label(hit.matchedBy());
    // a person listing's photos are not ranked: their score is no cosine, and is not shown
    boolean scored = showScores && !PERSON.equals(hit.matchedBy());
    String score = scored ? String.format(Locale.ROOT, "%.3f", hit.score()) : null;
    if (score == null) {
      return match;
    }
    return match == null ? score : score + " · " + match;
  }

  /** The words for {@code matchedBy}, null when nothing (or something unknown) matched. */
  static String label(String matchedBy) {
    if (matchedBy == null) {
      return null;
    }
    return switch (matchedBy) {
      case "name" -> "name";
      case "folder" -> "folder";
      case "keyword" -> "keyword";
      case "camera" -> "camera";
      case "tag" -> "tag";
      case PERSON -> "person";
      default -> null;
    };
  }
}
