package io.clipsearch.api.errors;

import io.clipsearch.api.types.ApiError;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * Builds error responses with an {@link ApiError} body, the one shape of every error the server
 * answers; used by the exception handlers and the request filters. Stateless.
 */
public final class ApiErrors {

  private ApiErrors() {}

  /** A response with {@code status} and an {@link ApiError} body that carries {@code message}. */
  public static MutableHttpResponse<ApiError> of(HttpStatus status, String message) {
    return HttpResponse.<ApiError>status(status)
        .body(new ApiError(status.getCode(), ApiErrorResponseProcessor.errorName(status), message));
  }
}
