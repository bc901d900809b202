package io.clipsearch.api.errors;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.search.UnknownImageException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** {@code like:<id>} naming an image the collection does not hold → 404. */
@Produces
@Singleton
@Requires(classes = {UnknownImageException.class, ExceptionHandler.class})
public final class UnknownImageExceptionHandler
    implements ExceptionHandler<UnknownImageException, HttpResponse<ApiError>> {
  @Override
  public HttpResponse<ApiError> handle(HttpRequest request, UnknownImageException e) {
    return ApiErrors.of(HttpStatus.NOT_FOUND, e.getMessage());
  }
}
