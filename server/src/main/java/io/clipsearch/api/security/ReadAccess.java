package io.clipsearch.api.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration.NettyListenerConfiguration;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether {@code /api} reads (searches, photos, their EXIF and GPS positions) need a token, decided
 * once at start: {@link AuthConfig#protectReads()} when set, else by the addresses the server binds
 * ({@code micronaut.server.host}, or each of {@code micronaut.server.netty.listeners} when those
 * are configured). Bound to loopback only, nobody else can connect, so reads stay open as on a
 * laptop; bound to any other address, or to all of them (unset, {@code 0.0.0.0}, {@code ::}: a
 * container, a LAN server), everyone who reaches the port could read the photos, so they need the
 * token. A Unix socket listener is local; an inherited socket (a file descriptor) could be bound
 * anywhere, so it counts as off loopback. Opening reads off loopback explicitly is logged as a
 * warning. Immutable.
 */
@Context // decided and logged at start, not at the first request
public final class ReadAccess {

  private static final Logger log = LoggerFactory.getLogger(ReadAccess.class);

  private final boolean needsToken;
  private final String reason;

  ReadAccess(AuthConfig auth, NettyHttpServerConfiguration server) {
    List<String> hosts = boundHosts(server);
    boolean loopback = hosts.stream().allMatch(ReadAccess::loopbackOnly);
    String where =
        hosts.isEmpty()
            ? "a Unix socket"
            : hosts.stream()
                .map(h -> h.isBlank() ? "every address" : h.strip())
                .distinct()
                .collect(Collectors.joining(", "));
    if (auth.protectReads() != null) {
      needsToken = auth.protectReads();
      reason = "clipsearch.auth.protect-reads: " + needsToken;
      if (!needsToken && !loopback) {
        log.warn(
            "reads need no token although the server listens on {} (clipsearch.auth.protect-reads: false):"
                + " anyone who reaches it sees every photo, its camera and where it was taken",
            where);
      }
    } else {
      needsToken = !loopback;
      reason =
          loopback
              ? "bound to loopback only (" + where + ")"
              : "bound to " + where + ", not loopback only";
    }
  }

  /** Whether {@code /api} reads need the full or the read-only token. */
  public boolean needsToken() {
    return needsToken;
  }

  /** Why, in words, for the start-up message. */
  public String reason() {
    return reason;
  }

  /**
   * The host of each TCP listener; blank for every address, or for an inherited socket's unknown
   * one.
   */
  private static List<String> boundHosts(NettyHttpServerConfiguration server) {
    List<NettyListenerConfiguration> listeners = server.getListeners();
    if (listeners == null || listeners.isEmpty()) {
      return List.of(server.getHost().orElse(""));
    }
    return listeners.stream()
        .filter(l -> l.getFamily() != NettyListenerConfiguration.Family.UNIX)
        .map(
            l ->
                l.getFd() != null || l.getAcceptedFd() != null || l.getHost() == null
                    ? ""
                    : l.getHost())
        .toList();
  }

  /**
   * Whether a server bound to {@code host} can be reached from this machine only: every address the
   * name resolves to is loopback (127.0.0.0/8, ::1; {@code localhost}). Blank (bind to all), the
   * wildcards {@code 0.0.0.0} and {@code ::}, and a name that does not resolve are not.
   */
  static boolean loopbackOnly(String host) {
    String h = host.strip();
    if (h.isEmpty()) {
      return false;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    try {
      InetAddress[] addresses = InetAddress.getAllByName(h);
      return addresses.length > 0
          && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
