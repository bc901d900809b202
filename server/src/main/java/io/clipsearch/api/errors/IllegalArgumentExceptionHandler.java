package io.clipsearch.api.errors;

import io.clipsearch.api.types.ApiError;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * {@link IllegalArgumentException} → 400: our services validate what a request asks (a malformed
 * query, an unknown sort) and say what is wrong in the message.
 */
@Produces
@Singleton
@Requires(classes = {IllegalArgumentException.class, ExceptionHandler.class})
public final class IllegalArgumentExceptionHandler
    implements ExceptionHandler<IllegalArgumentException, HttpResponse<ApiError>> {
  @Override
  public HttpResponse<ApiError> handle(HttpRequest request, IllegalArgumentException e) {
    return ApiErrors.of(HttpStatus.BAD_REQUEST, e.getMessage());
  }
}
