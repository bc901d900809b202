package io.clipsearch.api;

import io.clipsearch.api.errors.ApiErrors;
import io.clipsearch.api.types.ApiError;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** {@link HeavyRequests.Busy} → 503 with the usual error body. */
@Produces
@Singleton
@Requires(classes = {HeavyRequests.Busy.class, ExceptionHandler.class})
final class HeavyRequestsBusyHandler
    implements ExceptionHandler<HeavyRequests.Busy, HttpResponse<ApiError>> {
  @Override
  public HttpResponse<ApiError> handle(HttpRequest request, HeavyRequests.Busy e) {
    return ApiErrors.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
  }
}
