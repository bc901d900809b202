package io.clipsearch.api.security;

import io.clipsearch.api.errors.ApiErrors;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Refuses (403, with the usual error body) a request whose {@code Host} header does not name this
 * server (DNS rebinding: a web page reading the user's photos through a name that resolves to
 * loopback), and a browser request whose {@code Origin} is another site. Runs before everything
 * else, on every path (health included). A request without {@code Host} (HTTP/1.0 tools) passes:
 * browsers always send it.
 */
@ServerFilter("/**")
final class HostFilter implements Ordered {

  private final AllowedHosts allowed;

  HostFilter(AllowedHosts allowed) {
    this.allowed = allowed;
  }

  /** Null lets the request through; a response stops it. */
  @RequestFilter
  @Nullable HttpResponse<?> check(HttpRequest<?> request) {
    String host = request.getHeaders().get(HttpHeaders.HOST);
    if (host != null && !allowed.allowsHostHeader(host)) {
      return ApiErrors.of(
          HttpStatus.FORBIDDEN,
          "Host '"
              + host
              + "' does not name this server;"
              + " add it to clipsearch.http.allowed-hosts to accept it");
    }
    String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
    if (origin != null && !originAllowed(origin)) {
      return ApiErrors.of(
          HttpStatus.FORBIDDEN,
          "requests from the web page at '"
              + origin
              + "' are not allowed (cross-origin requests are off; see micronaut.server.cors)");
    }
    return null;
  }

  private boolean originAllowed(String origin) {
    try {
      String host = new URI(origin).getHost();
      return host != null
          && allowed.allowsOrigin(
              host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }
}
