package io.clipsearch.search;

import java.util.Locale;

/** What of an image the query text matched, strongest evidence first. */
public enum MatchedBy {
  /** The file name. */
  NAME,
  /** The name of the folder holding the file. */
  FOLDER,
  /**
   * A person's own words from XMP (Lightroom, darktable, digiKam…): one keyword, the title or the
   * description.
   */
  KEYWORD,
  /** Camera make, model or lens. */
  CAMERA,
  /** One of the automatic zero-shot tags. */
  TAG;

  /** The lower-case name used in the API ({@code "name"}, {@code "folder"}, …). */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the match is something a person named (not a tag the model guessed). */
  public boolean named() {
    return this != TAG;
  }
}
