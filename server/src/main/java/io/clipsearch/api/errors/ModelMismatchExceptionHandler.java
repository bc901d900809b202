package io.clipsearch.api.errors;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.collection.ModelMismatchException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** {@link ModelMismatchException} → 409. */
@Produces
@Singleton
@Requires(classes = {ModelMismatchException.class, ExceptionHandler.class})
public final class ModelMismatchExceptionHandler
    implements ExceptionHandler<ModelMismatchException, HttpResponse<ApiError>> {
  @Override
  public HttpResponse<ApiError> handle(HttpRequest request, ModelMismatchException e) {
    return ApiErrors.of(HttpStatus.CONFLICT, e.getMessage());
  }
}
