package io.clipsearch.api.errors;

/** A thing the request names (image, collection, job) does not exist: answered with 404. */
public final class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
