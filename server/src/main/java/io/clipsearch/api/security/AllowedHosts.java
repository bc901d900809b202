package io.clipsearch.api.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The host names that name this server: {@code localhost} (and {@code *.localhost}), any IP address
 * literal (a page cannot rebind a literal), the host the server is bound to, and the configured
 * {@link HttpAccessConfig#allowedHosts()}. Any other name in a {@code Host} header is a
 * DNS-rebinding attempt: a hostile page whose name was made to resolve to this machine. Immutable.
 */
@Singleton
final class AllowedHosts {

  private static final String ANY = "*";

  private final Set<String> names = new HashSet<>();

  AllowedHosts(HttpAccessConfig config, @Value("${micronaut.server.host:}") String boundHost) {
    names.add("localhost");
    if (!boundHost.isBlank()) {
      names.add(boundHost.strip().toLowerCase(Locale.ROOT));
    }
    if (config.allowedHosts() != null) {
      config.allowedHosts().stream()
          .filter(h -> h != null && !h.isBlank())
          .map(h -> h.strip().toLowerCase(Locale.ROOT))
          .forEach(names::add);
    }
  }

  /** Whether {@code hostAndPort} (a {@code Host} header value) names this server. */
  boolean allowsHostHeader(String hostAndPort) {
    String host = hostAndPort.strip();
    if (host.startsWith("[")) { // [IPv6]:port
      int end = host.indexOf(']');
      return end > 0 && isAddressLiteral(host.substring(1, end));
    }
    int colon = host.lastIndexOf(':');
    return allows(colon >= 0 ? host.substring(0, colon) : host);
  }

  /** Whether {@code host} (without port or brackets) names this server. */
  boolean allows(String host) {
    return allowsOrigin(host) || isAddressLiteral(host.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether a web page served from {@code host} (an {@code Origin}'s host, without brackets) is
   * this server's own: the names above, but of address literals only loopback ones, since any site
   * may be served from an address ({@code http://1.2.3.4}).
   */
  boolean allowsOrigin(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return names.contains(ANY)
        || names.contains(name)
        || name.endsWith(".localhost")
        || isAddressLiteral(name) && InetAddress.ofLiteral(name).isLoopbackAddress();
  }

  private static boolean isAddressLiteral(String host) {
    if (host.isEmpty() || !(Character.digit(host.charAt(0), 16) >= 0 || host.charAt(0) == ':')) {
      return false;
    }
    try {
      InetAddress.ofLiteral(host);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
