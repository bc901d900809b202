package io.clipsearch.collection;

/**
 * There is no collection of the name asked for (no {@code collection.json}, or a name that cannot
 * be a collection's folder), or it has no index for the model. The message says how to make one.
 * The server answers 404.
 */
public final class NoSuchCollectionException extends RuntimeException {

  public NoSuchCollectionException(String message) {
    super(message);
  }
}
