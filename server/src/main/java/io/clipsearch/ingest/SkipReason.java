package io.clipsearch.ingest;

import io.clipsearch.model.image.ImageDecodeException;

/** Why ingest left a file or folder out of the index; listed per file in {@link IngestReport}. */
public enum SkipReason {
  /** The file or folder could not be read (permissions, I/O error, vanished while scanned). */
  UNREADABLE,
  /** The file has no bytes. */
  EMPTY,
  /** An image extension, but the bytes are not an image we decode. */
  NOT_AN_IMAGE,
  /** The image data is truncated or damaged. */
  CORRUPT,
  /** More pixels than the model's decode cap (a decompression bomb or a gigapixel scan). */
  TOO_LARGE,
  /** A symbolic link leading back into a folder being walked: not followed again. */
  SYMLINK_LOOP,
  /** A symbolic link, not followed ({@link IngestOptions#followLinksOutOfRoots} is off). */
  SYMLINK,
  /**
   * A HEIC, AVIF or camera RAW photo on a machine without the library that reads it; the message
   * says what to install.
   */
  MISSING_LIBRARY,
  /** The file could not be indexed for another reason; the message says which. */
  FAILED;

  static SkipReason of(ImageDecodeException.Reason reason) {
    return switch (reason) {
      case UNREADABLE -> UNREADABLE;
      case EMPTY -> EMPTY;
      case NOT_AN_IMAGE -> NOT_AN_IMAGE;
      case CORRUPT -> CORRUPT;
      case TOO_LARGE -> TOO_LARGE;
      case MISSING_LIBRARY -> MISSING_LIBRARY;
    };
  }
}
