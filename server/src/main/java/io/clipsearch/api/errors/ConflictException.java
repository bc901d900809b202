package io.clipsearch.api.errors;

/**
 * The request conflicts with the current state (e.g. a collection is already being indexed): 409.
 */
public final class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
