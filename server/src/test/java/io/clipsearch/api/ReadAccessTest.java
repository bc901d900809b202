package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which bind addresses count as loopback only: the default of {@code protect-reads} follows it. */
class ReadAccessTest {

  @Test
  void loopbackAddressesAndLocalhostAreLoopbackOnly() {
    for (String host : List.of("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", " LOCALHOST ")) {
      assertTrue(ReadAccess.loopbackOnly(host), host);
    }
  }

  @Test
  void wildcardsOtherAddressesAndUnresolvableNamesAreNot() {
    for (String host : List.of("", " ", "0.0.0.0", "::", "[::]", "192.168.1.20", "10.0.0.1", "fe80::1",
        "no-such-host.invalid")) {
      assertFalse(ReadAccess.loopbackOnly(host), host);
    }
  }
}
