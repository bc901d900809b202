package io.clipsearch.api.security;

import io.clipsearch.api.errors.ApiErrors;
import io.clipsearch.api.security.ServerToken.Access;
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
 * Requires {@code Authorization: Bearer <token>}: the full token on {@link Mutating} endpoints (the
 * read-only token gets 403 there), the full or the read-only token on every other {@code /api}
 * endpoint when {@link ReadAccess#needsToken()}. A missing or wrong token is a 401 with {@code
 * WWW-Authenticate: Bearer}. Health and metrics are outside {@code /api}: open (they reveal no
 * photo, path or name). Stateless.
 */
@ServerFilter("/api/**")
public final class BearerTokenFilter implements Ordered {

  private static final String BEARER = "Bearer ";

  private final ServerToken token;
  private final ReadAccess reads;

  public BearerTokenFilter(ServerToken token, ReadAccess reads) {
    this.token = token;
    this.reads = reads;
  }

  /** Null lets the request through; a response stops it. */
  @RequestFilter
  @Nullable public HttpResponse<?> check(HttpRequest<?> request) {
    boolean mutating =
        RouteAttributes.getRouteMatch(request)
            .filter(
                m ->
                    m instanceof MethodBasedRouteMatch<?, ?> method
                        && method.hasAnnotation(Mutating.class))
            .isPresent();
    if (!mutating && !reads.needsToken()) {
      return null;
    }
    String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    Access access =
        token.access(
            header != null && header.startsWith(BEARER) ? header.substring(BEARER.length()) : null);
    if (access == Access.FULL || (access == Access.READ && !mutating)) {
      return null;
    }
    if (access == Access.READ) {
      return ApiErrors.of(
          HttpStatus.FORBIDDEN,
          "this token may only search and view; changes need the"
              + " server's full token (`clipsearch token` on the server prints it)");
    }
    return ApiErrors.of(
            HttpStatus.UNAUTHORIZED,
            "this server needs its token: 'Authorization: Bearer <token>'"
                + " (`clipsearch token` on the server prints it)")
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.order();
  }
}
