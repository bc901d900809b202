package io.clipsearch.api;

import io.clipsearch.api.types.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;

/**
 * Requires {@code Authorization: Bearer <token>} on {@link Mutating} endpoints, and on every
 * {@code /api} endpoint when reads are protected. Health and metrics stay open (they reveal no
 * images).
 */
@ServerFilter("/api/**")
public final class BearerTokenFilter implements Ordered {

  private static final String BEARER = "Bearer ";

  private final ServerToken token;
  private final boolean protectReads;

  public BearerTokenFilter(ServerToken token, AuthConfig auth) {
    this.token = token;
    this.protectReads = auth.protectReads();
  }

  /** Null lets the request through; a response stops it. */
  @RequestFilter
  @Nullable
  public HttpResponse<?> check(HttpRequest<?> request) {
    boolean mutating = RouteAttributes.getRouteMatch(request)
        .filter(m -> m instanceof MethodBasedRouteMatch<?, ?> method && method.hasAnnotation(Mutating.class))
        .isPresent();
    if (!mutating && !protectReads) {
      return null;
    }
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    if (header != null && header.startsWith(BEARER) && token.matches(header.substring(BEARER.length()))) {
      return null;
    }
    return HttpResponse.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .body(new ApiError(401, "unauthorized",
            "this endpoint needs 'Authorization: Bearer <token>' (the server's token is"
                + " clipsearch.auth.token, or the server-token file in its data folder)"));
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.order();
  }
}
