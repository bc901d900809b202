package io.clipsearch.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a person already said about a photo in XMP, written by Lightroom, darktable, digiKam or
 * Capture One into a sidecar or into the file: star rating, colour label, keywords, title and
 * description.
 *
 * <p>Immutable. Absent values are {@code null} (rating, label, title, description) or an empty list
 * (keywords). Keywords keep their first spelling and order, without duplicates ignoring case. The
 * index stores them ({@link PhotoMetadata#xmp}): rating and label as filters, the words as a
 * person's own words for keyword search ({@link ImageDoc#keywordText}).
 *
 * @param rating -1 (rejected) to 5 stars, 0 for unrated; null when the XMP says nothing
 * @param label the colour label, lower case ({@code red}, {@code yellow}, {@code green}, {@code
 *     blue}, {@code purple}, or another colour name a program writes), or null
 * @param keywords the keywords, flat and hierarchical ones' levels together
 * @param title a short title, or null
 * @param description a caption, or null
 */
public record XmpTags(
    Integer rating, String label, List<String> keywords, String title, String description) {

  /** Nothing said. */
  public static final XmpTags NONE = new XmpTags(null, null, List.of(), null, null);

  /**
   * @throws IllegalArgumentException for a rating outside -1..5
   */
  public XmpTags {
    if (rating != null && (rating < -1 || rating > 5)) {
      throw new IllegalArgumentException("rating must be -1..5: " + rating);
    }
    label = blankToNull(label == null ? null : label.toLowerCase(Locale.ROOT));
    keywords = distinctIgnoringCase(keywords);
    title = blankToNull(title);
    description = blankToNull(description);
  }

  /** Whether nothing is said. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** Whether the photo was rejected (rating -1). */
  public boolean rejected() {
    return rating != null && rating == -1;
  }

  /** Keywords, title and description: the words a person wrote about the photo. */
  public List<String> words() {
    List<String> words = new ArrayList<>(keywords);
    if (title != null) {
      words.add(title);
    }
    if (description != null) {
      words.add(description);
    }
    return words;
  }

  /**
   * These tags, each field replaced by {@code other}'s where {@code other} has one, keywords
   * joined: a sidecar is edited after the file was written, so its word wins over the embedded XMP.
   */
  public XmpTags overriddenBy(XmpTags other) {
    List<String> joined = new ArrayList<>(keywords);
    joined.addAll(other.keywords);
    return new XmpTags(
        other.rating != null ? other.rating : rating,
        other.label != null ? other.label : label,
        joined,
        other.title != null ? other.title : title,
        other.description != null ? other.description : description);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static List<String> distinctIgnoringCase(List<String> words) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String w : words == null ? List.<String>of() : words) {
      if (w != null && !w.isBlank()) {
        byKey.putIfAbsent(w.strip().toLowerCase(Locale.ROOT), w.strip());
      }
    }
    return List.copyOf(byKey.values());
  }
}
