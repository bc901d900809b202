package io.clipsearch.people;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One face of a collection: face {@code n} (0-based, in the order found, best score first) of the
 * photo content {@code contentId}. Written {@code <content id>-<n>}, as in the API and in {@code
 * people.json}; stable as long as the content is indexed, whatever its path or the CLIP model.
 */
public record FaceId(String contentId, int n) implements Comparable<FaceId> {

  private static final Pattern FORM = Pattern.compile("([0-9a-f]{2,128})-([0-9]{1,4})");

  /**
   * @throws IllegalArgumentException if the content id is not lower-case hex or {@code n} negative
   */
  public FaceId {
    Objects.requireNonNull(contentId, "contentId");
    if (!FORM.matcher(contentId + "-0").matches() || n < 0) {
      throw new IllegalArgumentException("bad face id: " + contentId + "-" + n);
    }
  }

  /**
   * Reads {@code <content id>-<n>}.
   *
   * @throws IllegalArgumentException if {@code text} is not of that form
   */
  public static FaceId parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "face id '" + text + "' must be <content id>-<n>, e.g. 3fa9c2-0");
    }
    return new FaceId(m.group(1), Integer.parseInt(m.group(2)));
  }

  @Override
  public int compareTo(FaceId o) {
    int c = contentId.compareTo(o.contentId);
    return c != 0 ? c : Integer.compare(n, o.n);
  }

  @Override
  public String toString() {
    return contentId + "-" + n;
  }
}
