package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.testing.ChildCli;
import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clipsearch serve} in a real process stops on SIGTERM (as on Ctrl-C or a service manager's
 * stop), closing its context, instead of hanging: a second shutdown hook once deadlocked with
 * Micronaut's.
 */
class ServeShutdownTest {

  static final int SIGTERM_EXIT = 143;

  @Test
  void sigtermStopsTheServer(@TempDir Path data) throws Exception {
    ChildCli serve =
        ChildCli.start(
            "serve",
            "--model",
            SharedFixtures.tinyClip().toString(),
            "--data",
            data.toString(),
            "--port",
            "0",
            "--token",
            "t");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!serve.printed("serving on")
          && serve.process().isAlive()
          && System.nanoTime() < deadline) {
        serve.process().waitFor(100, TimeUnit.MILLISECONDS);
      }
      assertTrue(serve.printed("serving on"), String.join("\n", serve.output()));

      serve.process().destroy(); // SIGTERM

      assertTrue(
          serve.process().waitFor(60, TimeUnit.SECONDS),
          "the server did not stop:\n" + String.join("\n", serve.output()));
      assertEquals(SIGTERM_EXIT, serve.process().exitValue()); // 128 + 15: ended by the signal
    } finally {
      serve.process().destroyForcibly();
    }
    assertFalse(serve.process().isAlive());
  }
}
