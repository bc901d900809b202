package io.clipsearch.search;

/** A query referred ({@code like:<id>}) to an image id the index does not hold. */
public final class UnknownImageException extends RuntimeException {

  private final String imageId;

  public UnknownImageException(String imageId) {
    super(
        "no indexed image has id '"
            + imageId
            + "' (give a full id or a unique prefix of"
            + " 8 or more characters)");
    this.imageId = imageId;
  }

  public String imageId() {
    return imageId;
  }
}
