package io.clipsearch.install;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where clipsearch keeps its files: the one place that decides it, for the server, the command line
 * and the desktop app's embedded server alike.
 *
 * <p>An <em>installed</em> program (the release image: its launchers pass {@code
 * -Dclipsearch.installed=true}) never writes inside its installation: collections, thumbnails and
 * the server token go to {@code $XDG_DATA_HOME/clipsearch} (else {@code
 * $HOME/.local/share/clipsearch}), downloaded models to {@code models/} under that folder. A
 * <em>source checkout</em> (the {@code ./clipsearch} script, tests) keeps them under {@code
 * <home>/work/data} and {@code <home>/models} as before. {@code CLIPSEARCH_DATA_DIR} and {@code
 * CLIPSEARCH_MODELS} override either. Settings live under {@code $XDG_CONFIG_HOME/clipsearch} (else
 * {@code $HOME/.config/clipsearch}) in both cases. The bundled model is read from the installation
 * ({@code <home>/models/clipsearch-mini}) and never written. Immutable.
 *
 * @param home the installation or checkout ({@code clipsearch.home}, set by the launchers; else the
 *     current folder)
 * @param installed whether this is an installed program rather than a source checkout
 * @param data collections, thumbnails, the server token
 * @param models where downloaded models go
 * @param config settings ({@code server.yml} for {@code clipsearch serve}; the desktop app's own)
 */
public record ClipsearchFolders(Path home, boolean installed, Path data, Path models, Path config) {

  /** The system property the release launchers set to {@code true}. */
  public static final String INSTALLED_PROPERTY = "clipsearch.installed";

  /** The system property naming the installation or checkout. */
  public static final String HOME_PROPERTY = "clipsearch.home";

  private static final String NAME = "clipsearch";

  public ClipsearchFolders {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(config, "config");
  }

  /** The folders of this process, from its environment and system properties. */
  public static ClipsearchFolders current() {
    return of(System.getenv(), System.getProperties());
  }

  /**
   * The folders for an environment and system properties (tests pass their own).
   *
   * @param env environment variables ({@code CLIPSEARCH_DATA_DIR}, {@code CLIPSEARCH_MODELS},
   *     {@code XDG_DATA_HOME}, {@code XDG_CONFIG_HOME}, {@code HOME})
   * @param properties system properties ({@code clipsearch.home}, {@code clipsearch.installed},
   *     {@code user.home} when {@code HOME} is unset)
   */
  public static ClipsearchFolders of(Map<String, String> env, Properties properties) {
    Path home = Path.of(properties.getProperty(HOME_PROPERTY, ".")).toAbsolutePath().normalize();
    boolean installed = Boolean.parseBoolean(properties.getProperty(INSTALLED_PROPERTY));
    Path userHome = Path.of(nonBlank(env.get("HOME"), properties.getProperty("user.home", ".")));
    Path data =
        set(env.get("CLIPSEARCH_DATA_DIR"))
            ? Path.of(env.get("CLIPSEARCH_DATA_DIR"))
            : installed
                ? xdg(env.get("XDG_DATA_HOME"), userHome.resolve(".local/share")).resolve(NAME)
                : home.resolve("work").resolve("data");
    Path models =
        set(env.get("CLIPSEARCH_MODELS"))
            ? Path.of(env.get("CLIPSEARCH_MODELS"))
            : installed ? data.resolve("models") : home.resolve("models");
    Path config = xdg(env.get("XDG_CONFIG_HOME"), userHome.resolve(".config")).resolve(NAME);
    return new ClipsearchFolders(home, installed, data, models, config);
  }

  /** The server's settings file read when {@code serve} gets no {@code --config}, if it exists. */
  public Path serverConfig() {
    return config.resolve("server.yml");
  }

  // the XDG base directory spec: a relative value is invalid and ignored
  private static Path xdg(String value, Path fallback) {
    return set(value) && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
  }

  private static boolean set(String value) {
    return value != null && !value.isBlank();
  }

  private static String nonBlank(String value, String fallback) {
    return set(value) ? value : fallback;
  }
}
