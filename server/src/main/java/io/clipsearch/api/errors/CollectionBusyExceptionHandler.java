package io.clipsearch.api.errors;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.ingest.CollectionBusyException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** {@link CollectionBusyException} → 409. */
@Produces
@Singleton
@Requires(classes = {CollectionBusyException.class, ExceptionHandler.class})
public final class CollectionBusyExceptionHandler
    implements ExceptionHandler<CollectionBusyException, HttpResponse<ApiError>> {
  @Override
  public HttpResponse<ApiError> handle(HttpRequest request, CollectionBusyException e) {
    return ApiErrors.of(HttpStatus.CONFLICT, e.getMessage());
  }
}
