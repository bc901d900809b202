package io.clipsearch.ingest;

/**
 * An index job is running on the collection, so it cannot be indexed again, re-tagged, shrunk or
 * deleted until the job ends or is cancelled. The server answers 409.
 */
public final class CollectionBusyException extends RuntimeException {

  public CollectionBusyException(String message) {
    super(message);
  }
}
