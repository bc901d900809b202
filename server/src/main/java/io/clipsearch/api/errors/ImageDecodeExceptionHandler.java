package io.clipsearch.api.errors;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.model.image.ImageDecodeException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * An uploaded image that cannot be decoded → 400 (413 when it exceeds the pixel cap), naming the
 * reason.
 */
@Produces
@Singleton
@Requires(classes = {ImageDecodeException.class, ExceptionHandler.class})
public final class ImageDecodeExceptionHandler
    implements ExceptionHandler<ImageDecodeException, HttpResponse<ApiError>> {
  @Override
  public HttpResponse<ApiError> handle(HttpRequest request, ImageDecodeException e) {
    HttpStatus status =
        e.reason() == ImageDecodeException.Reason.TOO_LARGE
            ? HttpStatus.REQUEST_ENTITY_TOO_LARGE
            : HttpStatus.BAD_REQUEST;
    return ApiErrors.of(status, e.getMessage() + " (" + e.reason() + ")");
  }
}
