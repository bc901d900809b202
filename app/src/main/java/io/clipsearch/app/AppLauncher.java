package io.clipsearch.app;

import io.clipsearch.app.connection.AppOptions;
import io.clipsearch.app.connection.EmbeddedServer;
import io.clipsearch.app.connection.RemoteCredentials;
import io.clipsearch.app.connection.TokenDialog;
import io.clipsearch.app.kiosk.KioskWindow;
import io.clipsearch.app.net.ClipsearchClient;
import io.clipsearch.app.settings.AppSettings;
import java.awt.Window;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the app's window and connects it: in embedded mode starts the server in-process on a worker
 * thread (the window shows "starting" meanwhile), in remote mode checks the server, asking for its
 * token when it refuses the remembered one. The same {@link ClipsearchClient} talks HTTP in both
 * modes.
 *
 * <p>{@link #launch} runs on the EDT; the returned {@link RunningApp} owns the embedded server and
 * closes it when the window closes.
 */
public final class AppLauncher {

  private static final Logger LOG = LoggerFactory.getLogger(AppLauncher.class);

  private AppLauncher() {}

  /** A started app: its window and, in embedded mode, its server. */
  public static final class RunningApp {
    private final Window window;
    private final ServerSlot server;

    RunningApp(Window window, ServerSlot server) {
      this.window = window;
      this.server = server;
    }

    public Window window() {
      return window;
    }

    /** Closes the window without asking (the program ends) and stops the embedded server. */
    public void close() {
      SwingUtilities.invokeLater(((AppWindow) window)::shutdown);
    }
  }

  /**
   * The embedded server once it has started (none in remote mode, or before): stopping closes it,
   * once, then runs the app's on-exit action. Thread-safe: the connecting worker sets it, the
   * stopping thread takes it.
   */
  private static final class ServerSlot {
    private final AtomicReference<EmbeddedServer> server = new AtomicReference<>();
    private final Runnable onExit;

    ServerSlot(Runnable onExit) {
      this.onExit = onExit;
    }

    void set(EmbeddedServer s) {
      server.set(s);
    }

    void stop() {
      EmbeddedServer s = server.getAndSet(null);
      if (s != null) {
        s.close();
      }
      onExit.run();
    }
  }

  /**
   * Opens the window for {@code options} and connects it in the background.
   *
   * @param onExit runs after the window has closed and the server has stopped (off the EDT)
   */
  public static RunningApp launch(AppOptions options, AppSettings settings, Runnable onExit) {
    if (!SwingUtilities.isEventDispatchThread()) {
      throw new IllegalStateException("launch must run on the EDT");
    }
    ServerSlot server = new ServerSlot(onExit);
    Runnable closed = () -> new Thread(server::stop, "clipsearch-stop").start();
    RunningApp app;
    if (options.kiosk()) {
      KioskWindow kiosk = new KioskWindow(options, closed);
      app = new RunningApp(kiosk, server);
      kiosk.setVisible(true);
      connect(options, settings, app, kiosk::connected, kiosk::failedToStart);
    } else {
      MainWindow main = new MainWindow(settings, closed);
      app = new RunningApp(main, server);
      main.setVisible(true);
      connect(options, settings, app, main::connected, main::failedToStart);
    }
    return app;
  }

  @FunctionalInterface
  interface Connectable {
    void connected(ClipsearchClient client, boolean localFiles, String modeText);
  }

  private static void connect(
      AppOptions options,
      AppSettings settings,
      RunningApp app,
      Connectable window,
      Consumer<String> failed) {
    Thread start =
        new Thread(
            () -> {
              try {
                ClipsearchClient client;
                String mode;
                if (options.remote()) {
                  client =
                      new ClipsearchClient(
                          options.server(),
                          new RemoteCredentials(
                              options.server(),
                              options.token(),
                              settings,
                              TokenDialog.over(app::window)));
                  client.model(); // fails fast with a clear message if the server is not there
                  mode = options.server().toString();
                } else {
                  EmbeddedServer server = EmbeddedServer.start(options.model(), options.data());
                  app.server.set(server);
                  client = new ClipsearchClient(server.url(), server.token());
                  mode = "embedded server";
                }
                String m = mode;
                SwingUtilities.invokeLater(() -> window.connected(client, !options.remote(), m));
              } catch (RuntimeException e) {
                LOG.error("cannot connect", e);
                String message = rootMessage(e);
                SwingUtilities.invokeLater(() -> failed.accept(message));
              }
            },
            "clipsearch-connect");
    start.setDaemon(true);
    start.start();
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.length() > 400 ? m.substring(0, 400) + "…" : m;
  }
}
