package io.clipsearch.index;

import java.io.IOException;

/**
 * An existing index was built for another embedding space (model or dimension) or format version
 * than the one asked for: opening it would mix vectors that cannot be compared.
 */
public final class IndexMismatchException extends IOException {
  public IndexMismatchException(String message) {
    super(message);
  }
}
