package io.clipsearch.app.net;

import io.clipsearch.api.types.ApiError;
import java.util.Objects;

/**
 * The server answered with an error ({@link ApiError} body): {@link #getMessage()} is the server's
 * own message, fit to show to the user.
 */
public final class ApiException extends ClientException {

  private final ApiError error;

  /**
   * @param error the server's error body; never null
   */
  public ApiException(ApiError error) {
    super(Objects.requireNonNull(error, "error").message());
    this.error = error;
  }

  /** The HTTP status (400, 401, 404, 409, 413, ...). */
  public int status() {
    return error.status();
  }

  /** The server's error body. */
  public ApiError error() {
    return error;
  }
}
