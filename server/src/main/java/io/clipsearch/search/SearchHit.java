package io.clipsearch.search;

import java.time.Instant;
import java.util.Objects;

/**
 * One result of a search. A plain value, ready to become an API record.
 *
 * @param id content id of the image
 * @param path absolute path of the file
 * @param score cosine similarity of the image to the query vector, -1..1; 0 in a person listing
 * @param confident whether the score is at or above the response's threshold (always, in a person
 *     listing)
 * @param matchedBy what of the image holds every keyword of the query ({@link TextMatcher}), {@link
 *     MatchedBy#PERSON} in a person listing, or null
 * @param size file size in bytes
 * @param width upright width in pixels
 * @param height upright height in pixels
 * @param date date taken, else the file's modification time
 */
public record SearchHit(
    String id,
    String path,
    double score,
    boolean confident,
    MatchedBy matchedBy,
    long size,
    int width,
    int height,
    Instant date) {
  public SearchHit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(date, "date");
  }

  /** Whether the query text matched the image's name, folder, camera or a tag. */
  public boolean textMatch() {
    return matchedBy != null;
  }
}
