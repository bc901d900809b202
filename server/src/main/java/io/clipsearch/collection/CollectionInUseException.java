package io.clipsearch.collection;

import io.clipsearch.index.IndexLockedException;

/**
 * A collection's index is held by another clipsearch process on the same data folder (a second
 * server, app or indexing command): it cannot be opened here until that one closes it. The message
 * says which collection, which process (when known) and which lock file, and what to do. The server
 * answers 409; the CLI prints the message.
 */
public final class CollectionInUseException extends RuntimeException {

  public CollectionInUseException(String collection, IndexLockedException cause) {
    super(
        "collection '"
            + collection
            + "' is open in another clipsearch process ("
            + (cause.holderPid().isPresent() ? "pid " + cause.holderPid().getAsLong() + ", " : "")
            + "lock file "
            + cause.lockFile()
            + "): close it or use another data folder",
        cause);
  }
}
