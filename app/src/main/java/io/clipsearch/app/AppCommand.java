package io.clipsearch.app;

import io.clipsearch.app.connection.AppOptions;
import io.clipsearch.app.settings.AppSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.swing.SwingUtilities;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code clipsearch app}: the desktop client. Embedded mode (default) starts the server in-process;
 * {@code --server URL --token T} uses a remote one; {@code --kiosk} runs full screen for a public
 * display.
 */
@Command(
    name = "clipsearch app",
    mixinStandardHelpOptions = true,
    description = {
      "Start the desktop app. By default it runs the search server in-process (embedded);",
      "--server/--token connect to a running one instead."
    })
public final class AppCommand implements Callable<Integer> {

  @Option(names = "--model", paramLabel = "DIR", description = "CLIP model folder (embedded mode)")
  Path model;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "data folder: collections, indexes (embedded mode)")
  Path data;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "a running clipsearch server, e.g. http://host:8080")
  URI server;

  @Option(
      names = "--token",
      paramLabel = "T",
      description =
          "the remote server's token (default: the one remembered for it; asked for when refused)")
  String token;

  @Option(
      names = "--kiosk",
      description = "full screen kiosk: large controls, no file actions, idle reset")
  boolean kiosk;

  @Option(names = "--collection", paramLabel = "NAME", description = "collection to search")
  String collection;

  @Option(
      names = "--pin",
      paramLabel = "DIGITS",
      description = "PIN that exits kiosk mode (default 0000)")
  String pin;

  @Option(
      names = "--idle-seconds",
      paramLabel = "N",
      defaultValue = "90",
      description =
          "kiosk: seconds without input before the attract screen (default ${DEFAULT-VALUE})")
  int idleSeconds;

  @Option(
      names = "--theme",
      paramLabel = "light|dark",
      description = "theme (default: the remembered one)")
  String theme;

  /** The options as a validated record. */
  AppOptions options() {
    if (token != null && server == null) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--token needs --server");
    }
    if ((model != null || data != null) && server != null) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "--model and --data are for embedded mode; a remote server has its own");
    }
    try {
      return new AppOptions(
          model,
          data,
          server,
          token,
          kiosk,
          collection,
          pin,
          Duration.ofSeconds(idleSeconds),
          theme);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    AppOptions options = options();
    AppSettings settings = AppSettings.load(AppSettings.defaultDir(System.getenv()));
    if (options.theme() != null) {
      settings.setTheme(options.theme());
    }
    CountDownLatch closed = new CountDownLatch(1);
    Thread.setDefaultUncaughtExceptionHandler(
        (t, e) ->
            LoggerFactory.getLogger(AppCommand.class).error("uncaught on {}", t.getName(), e));
    SwingUtilities.invokeLater(
        () -> {
          Theme.install(settings.theme()); // before any component exists
          AppLauncher.launch(options, settings, closed::countDown);
        });
    closed.await();
    return 0;
  }

  /** Entry point of the app alone ({@code ./clipsearch app}). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new AppCommand()).execute(args));
  }
}
