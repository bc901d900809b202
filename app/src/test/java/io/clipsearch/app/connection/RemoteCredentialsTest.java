package io.clipsearch.app.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.app.settings.AppSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote token: remembered per server, asked for once when refused, however many requests were
 * refused together; a cancelled question fails those requests instead of asking again.
 */
class RemoteCredentialsTest {

  static final URI SERVER = URI.create("http://nas.local:8080");

  @TempDir Path dir;

  @Test
  void startsWithTheCommandLinesTokenElseTheRemembered() {
    AppSettings settings = AppSettings.load(dir);
    settings.setServerToken(SERVER, "remembered");
    RemoteCredentials.Prompt never =
        (server, refused) -> {
          throw new AssertionError("asked");
        };
    assertEquals("remembered", new RemoteCredentials(SERVER, null, settings, never).token());
    assertEquals("given", new RemoteCredentials(SERVER, "given", settings, never).token());
    assertEquals(
        null,
        new RemoteCredentials(URI.create("http://other:8080"), null, settings, never).token());
  }

  @Test
  void requestsRefusedTogetherShareOneQuestionAndTheAnswerIsRemembered() throws Exception {
    AppSettings settings = AppSettings.load(dir);
    settings.setServerToken(SERVER, "old");
    CountDownLatch asked = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    AtomicInteger questions = new AtomicInteger();
    RemoteCredentials credentials =
        new RemoteCredentials(
            SERVER,
            null,
            settings,
            (server, refused) -> {
              assertTrue(refused, "a token was sent");
              questions.incrementAndGet();
              asked.countDown();
              await(answer);
              return Optional.of(" new \n");
            });
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Optional<String>>> renewals = new ArrayList<>();
      renewals.add(pool.submit(() -> credentials.renew("old")));
      assertTrue(asked.await(10, TimeUnit.SECONDS));
      for (int i = 0; i < 3; i++) {
        renewals.add(pool.submit(() -> credentials.renew("old")));
      }
      Thread.sleep(100); // the three wait behind the question
      answer.countDown();
      for (Future<Optional<String>> r : renewals) {
        assertEquals(Optional.of("new"), r.get(10, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, questions.get());
    assertEquals("new", credentials.token());
    assertEquals(
        "new", AppSettings.load(dir).serverToken(SERVER).orElseThrow(), "saved for this server");
  }

  @Test
  void aCancelledQuestionFailsTheRequestsThatWaitedForItAndALaterRefusalAsksAgain()
      throws Exception {
    CountDownLatch asked = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    AtomicInteger questions = new AtomicInteger();
    RemoteCredentials credentials =
        new RemoteCredentials(
            SERVER,
            null,
            AppSettings.load(dir),
            (server, refused) -> {
              if (questions.incrementAndGet() == 1) {
                assertFalse(refused, "no token was sent");
                asked.countDown();
                await(answer);
              }
              return Optional.empty();
            });
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Optional<String>> first = pool.submit(() -> credentials.renew(null));
      assertTrue(asked.await(10, TimeUnit.SECONDS));
      Future<Optional<String>> waiting = pool.submit(() -> credentials.renew(null));
      Thread.sleep(100);
      answer.countDown();
      assertEquals(Optional.empty(), first.get(10, TimeUnit.SECONDS));
      assertEquals(Optional.empty(), waiting.get(10, TimeUnit.SECONDS));
      assertEquals(1, questions.get(), "the waiting request did not ask again");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(Optional.empty(), credentials.renew(null));
    assertEquals(2, questions.get(), "a later refusal asks again");
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
