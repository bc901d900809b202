package io.clipsearch.api.errors;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.collection.CollectionInUseException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** {@link CollectionInUseException} → 409. */
@Produces
@Singleton
@Requires(classes = {CollectionInUseException.class, ExceptionHandler.class})
public final class CollectionInUseExceptionHandler
    implements ExceptionHandler<CollectionInUseException, HttpResponse<ApiError>> {
  @Override
  public HttpResponse<ApiError> handle(HttpRequest request, CollectionInUseException e) {
    return ApiErrors.of(HttpStatus.CONFLICT, e.getMessage());
  }
}
