package io.clipsearch.app.net;

import java.net.URI;

/** The server did not answer: refused connection, reset, timeout or an unreadable response. */
public final class ServerUnreachableException extends ClientException {

  /**
   * @param server the server's base address
   * @param cause the I/O failure
   */
  public ServerUnreachableException(URI server, Throwable cause) {
    super("cannot reach the server at " + server + ": " + describe(cause), cause);
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }
}
