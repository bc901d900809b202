package io.clipsearch.model.image;

import java.util.Objects;

/**
 * An image could not be turned into pixels: the message names the image and the reason.
 *
 * <p>Thrown per image; callers embedding a batch record it for that image and carry on with the
 * others.
 */
public final class ImageDecodeException extends Exception {

  /** Why an image was refused, for reports and API errors. */
  public enum Reason {
    /** The file could not be read (missing, permissions, I/O error). */
    UNREADABLE,
    /** The file has no bytes. */
    EMPTY,
    /** The bytes are not an image in a format we decode, whatever the extension says. */
    NOT_AN_IMAGE,
    /** The bytes start like an image but the data is cut short or damaged. */
    CORRUPT,
    /**
     * Width x height exceeds the configured pixel cap (a decompression bomb or a gigapixel scan).
     */
    TOO_LARGE,
    /**
     * A format read through a native library this machine lacks (libheif for HEIC and AVIF, LibRaw
     * for camera RAW); the message says what to install.
     */
    MISSING_LIBRARY
  }

  private final String imageName;
  private final Reason reason;

  public ImageDecodeException(String imageName, Reason reason, String detail) {
    this(imageName, reason, detail, null);
  }

  public ImageDecodeException(String imageName, Reason reason, String detail, Throwable cause) {
    super(imageName + ": " + Objects.requireNonNull(detail, "detail"), cause);
    this.imageName = Objects.requireNonNull(imageName, "imageName");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The image's name as given by its {@link ImageSource#name()}. */
  String imageName() {
    return imageName;
  }

  public Reason reason() {
    return reason;
  }
}
