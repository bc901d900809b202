package io.clipsearch.api;

import io.clipsearch.api.types.ApiError;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** Builds error responses with an {@link ApiError} body; used by the exception handlers. */
final class ApiErrors {

  private ApiErrors() {}

  static MutableHttpResponse<ApiError> of(HttpStatus status, String message) {
    return HttpResponse.<ApiError>status(status)
        .body(new ApiError(status.getCode(), ApiErrorResponseProcessor.errorName(status), message));
  }
}
