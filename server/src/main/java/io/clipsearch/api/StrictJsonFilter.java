package io.clipsearch.api;

import io.clipsearch.api.errors.ApiErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Refuses (400, with the usual error body) a JSON request body that is not strictly a value of the
 * type its endpoint binds ({@link StrictJson}): {@code "limit": 1.5}, {@code "name": 5}, a misspelt
 * field, a duplicate key, or anything after the value, whether the request says {@code
 * application/json} or no Content-Type at all. Runs after the token check, on the API's JSON
 * endpoints only; the endpoint still reads the body (this filter reads a copy).
 */
@ServerFilter(
    value = "/api/**",
    methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH})
final class StrictJsonFilter implements Ordered {

  /** Null lets the request through; a response stops it. */
  @RequestFilter
  @Nullable HttpResponse<?> check(HttpRequest<?> request, @Body @Nullable String body) {
    // no Content-Type: the endpoint binds the body as JSON all the same, so it is checked too
    boolean json =
        request.getContentType().map(MediaType.APPLICATION_JSON_TYPE::matches).orElse(true);
    Optional<Argument<?>> type =
        json
            ? RouteAttributes.getRouteMatch(request).flatMap(StrictJsonFilter::bodyType)
            : Optional.empty();
    if (type.isEmpty() || body == null) {
      return null;
    }
    try {
      StrictJson.check(body.getBytes(StandardCharsets.UTF_8), type.get());
      return null;
    } catch (StrictJson.InvalidJsonException e) {
      return ApiErrors.of(HttpStatus.BAD_REQUEST, e.getMessage());
    }
  }

  private static Optional<Argument<?>> bodyType(RouteMatch<?> route) {
    return route
        .getRouteInfo()
        .getBodyArgument()
        .filter(a -> a.getType() != byte[].class && a.getType() != String.class);
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }
}
