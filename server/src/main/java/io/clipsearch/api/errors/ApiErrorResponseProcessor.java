package io.clipsearch.api.errors;

import io.clipsearch.api.types.ApiError;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Gives Micronaut's own errors (malformed JSON, a parameter that does not convert, a failed
 * constraint, an unknown route) the same {@link ApiError} body as ours, with the framework's
 * message, so clients parse one error shape.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class ApiErrorResponseProcessor implements ErrorResponseProcessor<ApiError> {

  @Override
  public MutableHttpResponse<ApiError> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    HttpStatus status = response.getStatus();
    String message =
        context.hasErrors()
            ? context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "))
            : status.getReason();
    ApiError body = new ApiError(status.getCode(), errorName(status), message);
    return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
  }

  static String errorName(HttpStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }
}
