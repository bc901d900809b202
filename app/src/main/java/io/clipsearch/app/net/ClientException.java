package io.clipsearch.app.net;

/**
 * A failed call to the clipsearch server: either the server answered with an error ({@link
 * ApiException}) or it could not be reached ({@link ServerUnreachableException}). Unchecked, so
 * view-models can route every failure through one error path.
 */
public sealed class ClientException extends RuntimeException
    permits ApiException, ServerUnreachableException {

  ClientException(String message) {
    super(message);
  }

  ClientException(String message, Throwable cause) {
    super(message, cause);
  }
}
