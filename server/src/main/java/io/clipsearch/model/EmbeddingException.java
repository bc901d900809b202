package io.clipsearch.model;

import io.clipsearch.model.image.ImageDecodeException;

/**
 * The inference engine failed, or a model file could not be loaded: engine and checked exceptions
 * are wrapped once, here, at the edge of the {@code model} package.
 *
 * <p>Bad images are not this: they raise {@link ImageDecodeException} per image.
 */
public class EmbeddingException extends RuntimeException {

  public EmbeddingException(String message) {
    super(message);
  }

  public EmbeddingException(String message, Throwable cause) {
    super(message, cause);
  }
}
