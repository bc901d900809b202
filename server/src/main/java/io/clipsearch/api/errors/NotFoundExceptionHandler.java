package io.clipsearch.api.errors;

import io.clipsearch.api.types.ApiError;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** {@link NotFoundException} → 404. */
@Produces
@Singleton
@Requires(classes = {NotFoundException.class, ExceptionHandler.class})
public final class NotFoundExceptionHandler
    implements ExceptionHandler<NotFoundException, HttpResponse<ApiError>> {
  @Override
  public HttpResponse<ApiError> handle(HttpRequest request, NotFoundException e) {
    return ApiErrors.of(HttpStatus.NOT_FOUND, e.getMessage());
  }
}
