package io.clipsearch.app;

import static io.clipsearch.app.EmbeddedAppUiTest.await;
import static io.clipsearch.app.EmbeddedAppUiTest.awaitDialog;
import static io.clipsearch.app.EmbeddedAppUiTest.call;
import static io.clipsearch.app.EmbeddedAppUiTest.find;
import static io.clipsearch.app.EmbeddedAppUiTest.onEdt;
import static io.clipsearch.app.EmbeddedAppUiTest.screenshot;
import static io.clipsearch.app.EmbeddedAppUiTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.api.types.JobInfo;
import io.clipsearch.app.connection.AppOptions;
import io.clipsearch.app.connection.TokenDialog;
import io.clipsearch.app.net.ApiException;
import io.clipsearch.app.net.ClipsearchClient;
import io.clipsearch.app.search.SearchState;
import io.clipsearch.app.settings.AppSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.server.exceptions.ServerStartupException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.awt.GraphicsEnvironment;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.swing.JDialog;
import javax.swing.JPasswordField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote mode against a server on the network (bound to 0.0.0.0, so every read needs the token), in
 * real windows on Xvfb: the app starts with the token it remembered for that server, the server
 * restarts with a new token, and the next search asks for it in the token dialog (a wrong one is
 * said so and asked again), goes through with it, and remembers it for that server.
 */
class RemoteTokenUiTest {

  @TempDir Path temp;

  @Test
  void aServerRestartedWithANewTokenIsAskedForItOnceAndRemembered() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display (Xvfb missing): UI test skipped");
    Path shared = EmbeddedAppUiTest.sharedFolder();
    Path photos = Files.createDirectories(temp.resolve("photos"));
    try (Stream<Path> s = Files.walk(shared.resolve("sample-images"))) {
      for (Path jpeg : s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(3).toList()) {
        Files.copy(jpeg, photos.resolve(jpeg.getFileName()));
      }
    }
    ApplicationContext first = serve(shared, -1, "first-token");
    int port = first.getBean(EmbeddedServer.class).getPort();
    URI url = URI.create("http://127.0.0.1:" + port);
    index(new ClipsearchClient(url, "first-token"), photos);
    ApiException anonymous = expectRefusal(new ClipsearchClient(url, (String) null));
    assertEquals(401, anonymous.status(), "off loopback, reads need the token");

    AppSettings settings = AppSettings.load(temp.resolve("config"));
    settings.setServerToken(url, "first-token");
    AppOptions options =
        new AppOptions(
            null, null, url, null, false, "default", null, Duration.ofSeconds(90), "light");
    CountDownLatch closed = new CountDownLatch(1);
    AtomicReference<AppLauncher.RunningApp> app = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          Theme.install("light");
          app.set(AppLauncher.launch(options, settings, closed::countDown));
        });
    MainWindow window = (MainWindow) app.get().window();
    await(
        "the remembered token to browse",
        Duration.ofSeconds(60),
        () -> window.searchModel() != null && window.searchModel().state().hits().size() == 3);

    first.close();
    ApplicationContext second = serveAgain(shared, port, "second-token");
    try {
      onEdt(() -> window.searchBar().field().setText("a photo"));
      JDialog asked = awaitDialog(TokenDialog.TITLE);
      assertTrue(
          texts(asked).contains("did not accept the token"),
          "the remembered token was refused: " + texts(asked));
      answer(asked, "not-the-token");
      JDialog again = awaitDialog(TokenDialog.TITLE);
      assertTrue(texts(again).contains("did not accept the token"), texts(again));
      screenshot(again, "token-dialog");
      answer(again, "  second-token \n");
      await(
          "results with the new token",
          Duration.ofSeconds(60),
          () ->
              window.searchModel().state().status() == SearchState.SearchPhase.DONE
                  && "a photo".equals(window.searchModel().text())
                  && !window.searchModel().state().hits().isEmpty());
      assertFalse(call(() -> window.statusLine().getText()).contains("401"));
      assertEquals("second-token", settings.serverToken(url).orElseThrow());
      assertEquals(
          "second-token",
          AppSettings.load(temp.resolve("config")).serverToken(url).orElseThrow(),
          "remembered on disk for this server");
      assertTrue(
          AppSettings.load(temp.resolve("config"))
              .serverToken(URI.create("http://127.0.0.1:1"))
              .isEmpty());
      app.get().close();
      assertTrue(closed.await(60, TimeUnit.SECONDS));
    } finally {
      second.close();
    }
  }

  /** Types {@code token} into the dialog's field and presses Enter. */
  private static void answer(JDialog dialog, String token) throws Exception {
    onEdt(
        () -> {
          JPasswordField field = (JPasswordField) find(dialog, "serverToken");
          field.setText(token);
          field.postActionEvent();
        });
    await("the dialog to close", Duration.ofSeconds(10), () -> !dialog.isShowing());
  }

  /** The server on 0.0.0.0 (a LAN server's default: reads need the token) with {@code token}. */
  private ApplicationContext serve(Path shared, int port, String token) {
    return ApplicationContext.run(
            EmbeddedServer.class,
            Map.of(
                "micronaut.server.host",
                "0.0.0.0",
                "micronaut.server.port",
                port,
                "clipsearch.model.dir",
                shared.resolve("clip-fixtures/tiny-clip").toString(),
                "clipsearch.data.dir",
                temp.resolve("data").toString(),
                "clipsearch.auth.token",
                token))
        .getApplicationContext();
  }

  /**
   * {@link #serve} on the port a server just closed: the kernel may hold it a moment (the app's
   * connections to the old server closing), so binding is retried until it succeeds or a minute has
   * passed.
   */
  private ApplicationContext serveAgain(Path shared, int port, String token)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (true) {
      try {
        return serve(shared, port, token);
      } catch (ServerStartupException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  private static void index(ClipsearchClient client, Path photos) throws InterruptedException {
    client.createCollection(
        new CreateCollectionRequest("default", List.of(photos.toString()), null));
    JobInfo job = client.startJob("default");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (client.job(job.id()).finished() == null && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertEquals(3, client.collections().getFirst().documents());
  }

  private static ApiException expectRefusal(ClipsearchClient client) {
    try {
      client.collections();
      throw new AssertionError("the server answered without a token");
    } catch (ApiException e) {
      return e;
    }
  }
}
