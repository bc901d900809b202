package io.clipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.security.TokenFile;
import io.clipsearch.testing.ChildCli;
import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code clipsearch serve} says at start, in a real process: its URL, whether reads need the
 * token and why, where the token is, and never the token; a warning when reads are opened off
 * loopback.
 */
class ServeAccessMessageTest {

  @TempDir Path temp;

  @Test
  void onTheNetworkItSaysReadsNeedTheTokenAndWhereItIsWithoutPrintingIt() throws Exception {
    Path data = temp.resolve("data");
    List<String> output = serve("--host", "0.0.0.0", "--data", data.toString());
    String all = String.join("\n", output);
    assertTrue(all.contains("clipsearch: serving on http://0.0.0.0:"), all);
    assertTrue(
        all.contains("every /api request needs the token (bound to 0.0.0.0, not loopback only)"),
        all);
    assertTrue(
        all.contains("the token is in " + data.resolve(TokenFile.FULL).toAbsolutePath()), all);
    String token = TokenFile.in(data, TokenFile.FULL).read().orElseThrow();
    assertFalse(all.contains(token), "the token itself is never printed or logged");
  }

  @Test
  void readsOpenedOffLoopbackAreAWarning() throws Exception {
    Path config =
        Files.writeString(
            temp.resolve("server.yml"), "clipsearch:\n  auth:\n    protect-reads: false\n");
    List<String> output =
        serve(
            "--host",
            "0.0.0.0",
            "--data",
            temp.resolve("data").toString(),
            "--config",
            config.toString(),
            "--token",
            "configured-token");
    String all = String.join("\n", output);
    assertTrue(
        all.contains(
            "searches and photos are open, changes need the token (clipsearch.auth.protect-reads: false)"),
        all);
    assertTrue(
        output.stream()
            .anyMatch(
                l ->
                    l.contains("WARN")
                        && l.contains(
                            "reads need no token although the server" + " listens on 0.0.0.0")),
        all);
    assertTrue(all.contains("the token is the configured clipsearch.auth.token"), all);
    assertFalse(all.contains("configured-token"), all);
  }

  /**
   * Starts serve with the tiny model on a free port, returns its output once it is up, and stops
   * it.
   */
  private static List<String> serve(String... args) throws Exception {
    List<String> cli =
        new ArrayList<>(
            List.of("serve", "--model", SharedFixtures.tinyClip().toString(), "--port", "0"));
    cli.addAll(List.of(args));
    ChildCli serve = ChildCli.start(cli.toArray(String[]::new));
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!serve.printed("clipsearch: the token is")
          && serve.process().isAlive()
          && System.nanoTime() < deadline) {
        serve.process().waitFor(100, TimeUnit.MILLISECONDS);
      }
      assertTrue(serve.printed("clipsearch: the token is"), String.join("\n", serve.output()));
      synchronized (serve.output()) {
        return List.copyOf(serve.output());
      }
    } finally {
      serve.process().destroy();
      serve.process().waitFor(60, TimeUnit.SECONDS);
    }
  }
}
