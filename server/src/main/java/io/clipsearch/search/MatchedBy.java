package io.clipsearch.search;

import java.util.Locale;

/**
 * What of an image the query text matched, strongest evidence first; {@link #PERSON} marks the
 * photos of a person listing, which no text ranked.
 */
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
  TAG,
  /**
   * The person a query of only {@code person:} filters names ({@link
   * ParsedQuery#isPersonListing()}): the photo is listed for showing her, its score is no cosine.
   */
  PERSON;

  /** The lower-case name used in the API ({@code "name"}, {@code "folder"}, …). */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the match is something a person named (not a tag the model guessed; a person's name is
   * given to faces the model grouped, and people correct it).
   */
  public boolean named() {
    return this != TAG;
  }
}
