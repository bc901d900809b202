package io.clipsearch.collection;

import io.clipsearch.index.IndexMismatchException;

/**
 * A collection's index holds another model's vectors (an {@link IndexMismatchException}, which it
 * wraps): it cannot be opened with this model. The server answers 409.
 */
public final class ModelMismatchException extends RuntimeException {

  public ModelMismatchException(IndexMismatchException cause) {
    super(cause.getMessage(), cause);
  }
}
