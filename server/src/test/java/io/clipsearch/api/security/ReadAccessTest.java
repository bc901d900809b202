package io.clipsearch.api.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which bind addresses count as loopback only, and the decision that follows from them (and from
 * {@code protect-reads}) in a context built from settings, as the server's is.
 */
class ReadAccessTest {

  @TempDir Path data;

  @Test
  void loopbackAddressesAndLocalhostAreLoopbackOnly() {
    for (String host :
        List.of("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", " LOCALHOST ")) {
      assertTrue(ReadAccess.loopbackOnly(host), host);
    }
  }

  @Test
  void wildcardsOtherAddressesAndUnresolvableNamesAreNot() {
    for (String host :
        List.of(
            "",
            " ",
            "0.0.0.0",
            "::",
            "[::]",
            "192.168.1.20",
            "10.0.0.1",
            "fe80::1",
            "no-such-host.invalid")) {
      assertFalse(ReadAccess.loopbackOnly(host), host);
    }
  }

  @Test
  void theDecisionFollowsTheHostOrEveryListenerUnlessProtectReadsIsSet() {
    assertFalse(needsToken(Map.of("micronaut.server.host", "localhost")));
    assertTrue(needsToken(Map.of("micronaut.server.host", "::")));
    assertTrue(
        needsToken(
            Map.of("micronaut.server.host", "127.0.0.1", "clipsearch.auth.protect-reads", "true")));
    assertFalse(
        needsToken(
            Map.of("micronaut.server.host", "0.0.0.0", "clipsearch.auth.protect-reads", "false")));
    // listeners replace micronaut.server.host: one of them on every address opens the photos to the
    // network
    assertTrue(
        needsToken(
            Map.of(
                "micronaut.server.host",
                "127.0.0.1",
                "micronaut.server.netty.listeners.local.host",
                "127.0.0.1",
                "micronaut.server.netty.listeners.local.port",
                "0",
                "micronaut.server.netty.listeners.lan.host",
                "0.0.0.0",
                "micronaut.server.netty.listeners.lan.port",
                "0")));
    assertFalse(
        needsToken(
            Map.of(
                "micronaut.server.netty.listeners.local.host",
                "::1",
                "micronaut.server.netty.listeners.local.port",
                "0")));
  }

  private boolean needsToken(Map<String, Object> settings) {
    Map<String, Object> properties = new HashMap<>(settings);
    properties.put("clipsearch.data.dir", data.toString());
    properties.put("clipsearch.auth.token", "t");
    try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
      return context.getBean(ReadAccess.class).needsToken();
    }
  }
}
