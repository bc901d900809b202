package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

/**
 * {@link DiskFullServerTest} where reads need the token (configured here; a server bound off
 * loopback gets the same): the open {@code /health} is DOWN but names no collection and no path.
 */
class DiskFullProtectedServerTest extends DiskFullServerTest {

  @Override
  Map<String, String> access() {
    return Map.of("clipsearch.auth.protect-reads", "true");
  }

  @Override
  void assertHealthSaysWhy(String body) {
    assertTrue(
        body.contains("1 index writer(s) closed; the server log names the collections"), body);
    assertFalse(body.contains("photos") || body.contains(data.toString()), body);
  }
}
