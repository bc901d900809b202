package io.clipsearch.search;

import java.util.regex.Pattern;

/**
 * Recognizes queries that name a file rather than describe a picture: one token with a digit
 * ({@code IMG_1417}, {@code DSC_0042.JPG}, {@code 1417}, {@code 20240601_1530}) or with an image
 * file extension ({@code beach.jpg}). For these the exact file must come first, so {@link
 * FusionPolicy} puts name matches before the visual ranking. Thread-safe.
 */
public final class IdentifierQuery {

  private static final Pattern WITH_DIGIT =
      Pattern.compile("[\\p{L}\\p{N}_\\-.]*\\p{N}[\\p{L}\\p{N}_\\-.]*");

  private static final Pattern FILE_NAME =
      Pattern.compile(
          "(?i)[\\p{L}\\p{N}_\\-.]+\\.(jpe?g|png|gif|webp|bmp|tiff?|heic|heif|avif|dng|cr2|nef|arw)");

  private IdentifierQuery() {}

  /** Whether the (positive) query text is one file-name-like token. */
  public static boolean matches(String text) {
    String t = text == null ? "" : text.strip();
    return !t.isEmpty() && (WITH_DIGIT.matcher(t).matches() || FILE_NAME.matcher(t).matches());
  }
}
