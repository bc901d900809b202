package io.clipsearch.api.errors;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.collection.NoSuchCollectionException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** {@link NoSuchCollectionException} → 404. */
@Produces
@Singleton
@Requires(classes = {NoSuchCollectionException.class, ExceptionHandler.class})
public final class NoSuchCollectionExceptionHandler
    implements ExceptionHandler<NoSuchCollectionException, HttpResponse<ApiError>> {
  @Override
  public HttpResponse<ApiError> handle(HttpRequest request, NoSuchCollectionException e) {
    return ApiErrors.of(HttpStatus.NOT_FOUND, e.getMessage());
  }
}
