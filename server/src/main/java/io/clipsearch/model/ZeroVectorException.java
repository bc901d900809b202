package io.clipsearch.model;

/**
 * A vector that has no direction (zero, shorter than {@link Vectors#MIN_NORM}, or not finite) was
 * to be normalized. Callers that can meet one, such as a query whose parts cancel out, catch it to
 * say what it means for them.
 */
public final class ZeroVectorException extends IllegalArgumentException {

  /**
   * @param norm the vector's length
   */
  public ZeroVectorException(double norm) {
    super("cannot normalize a vector of length " + norm + ": it has no direction");
  }
}
