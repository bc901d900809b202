package io.clipsearch.app.settings;

import static io.clipsearch.app.viewmodel.CollectionScopedViewModel.DEFAULT_COLLECTION;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every remembered preference of the desktop app, in one properties file: {@code
 * $XDG_CONFIG_HOME/clipsearch/app.properties} (else {@code ~/.config/clipsearch}).
 *
 * <p>Setters change memory only; {@link #save()} writes the file atomically. A missing or
 * unreadable file gives the defaults. Thread-safe (synchronized): saved from the EDT, read at
 * start.
 */
public final class AppSettings {

  private static final Logger LOG = LoggerFactory.getLogger(AppSettings.class);
  private static final String FILE = "app.properties";

  /** History entries are stored as history.0 … history.N-1, newest first. */
  private static final String HISTORY = "history.";

  /** Tokens are stored as server.token.URL, one per remote server. */
  private static final String SERVER_TOKEN = "server.token.";

  private final Path file;
  private final Properties values = new Properties();

  private AppSettings(Path file) {
    this.file = file;
  }

  /** The settings in {@code dir} (created on save). */
  public static AppSettings load(Path dir) {
    AppSettings settings = new AppSettings(dir.resolve(FILE));
    if (Files.isRegularFile(settings.file)) {
      try (Reader in = Files.newBufferedReader(settings.file, StandardCharsets.UTF_8)) {
        settings.values.load(in);
      } catch (IOException | IllegalArgumentException e) {
        LOG.warn("cannot read {} ({}): using defaults", settings.file, e.getMessage());
        settings.values.clear();
      }
    }
    return settings;
  }

  /**
   * {@code $XDG_CONFIG_HOME/clipsearch}, else {@code $HOME/.config/clipsearch}: the HOME of the
   * environment (a test or a sandbox points it elsewhere), Java's {@code user.home} only when HOME
   * is unset (Java reads that from the password database, not the environment).
   */
  public static Path defaultDir(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "clipsearch");
    }
    return home(env).resolve(".config").resolve("clipsearch");
  }

  /** {@code $HOME}, else Java's {@code user.home}. */
  public static Path home(Map<String, String> env) {
    String home = env.get("HOME");
    return home != null && !home.isBlank()
        ? Path.of(home)
        : Path.of(System.getProperty("user.home"));
  }

  /**
   * Where file choosers open: {@code $XDG_PICTURES_DIR} (as the environment or {@code
   * user-dirs.dirs} sets it), else {@code $HOME/Pictures} when it exists, else the home.
   */
  public static Path picturesDir(Map<String, String> env) {
    Path home = home(env);
    String xdg = env.get("XDG_PICTURES_DIR");
    if (xdg == null) {
      xdg = userDirsPictures(env, home);
    }
    if (xdg != null && !xdg.isBlank()) {
      Path p = Path.of(xdg.replace("$HOME", home.toString()));
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    Path pictures = home.resolve("Pictures");
    return Files.isDirectory(pictures) ? pictures : home;
  }

  /** XDG_PICTURES_DIR from {@code user-dirs.dirs} in the config home, else null. */
  private static String userDirsPictures(Map<String, String> env, Path home) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config");
    Path dirs = config.resolve("user-dirs.dirs");
    if (!Files.isRegularFile(dirs)) {
      return null;
    }
    try {
      for (String line : Files.readAllLines(dirs)) {
        String l = line.strip();
        if (l.startsWith("XDG_PICTURES_DIR=")) {
          return l.substring("XDG_PICTURES_DIR=".length()).replace("\"", "");
        }
      }
    } catch (IOException | UncheckedIOException e) {
      return null; // unreadable: fall back to ~/Pictures
    }
    return null;
  }

  /** Writes the file (temp file + atomic move). */
  public synchronized void save() {
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), FILE, ".tmp");
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        values.store(out, "clipsearch desktop app");
      }
      try {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save settings to " + file, e);
    }
  }

  /** The file the settings live in. */
  Path file() {
    return file;
  }

  /** {@code light} or {@code dark}; default {@code light}. */
  public synchronized String theme() {
    String theme = values.getProperty("theme", "light");
    return "dark".equals(theme) ? "dark" : "light";
  }

  /**
   * @throws IllegalArgumentException unless {@code light} or {@code dark}
   */
  public synchronized void setTheme(String theme) {
    if (!"light".equals(theme) && !"dark".equals(theme)) {
      throw new IllegalArgumentException("theme must be light or dark, got " + theme);
    }
    values.setProperty("theme", theme);
  }

  /** The main window's last bounds, if remembered. */
  public synchronized Optional<Rectangle> windowBounds() {
    String s = values.getProperty("window.bounds");
    if (s == null) {
      return Optional.empty();
    }
    try {
      String[] p = s.split(",");
      Rectangle r =
          new Rectangle(
              Integer.parseInt(p[0]),
              Integer.parseInt(p[1]),
              Integer.parseInt(p[2]),
              Integer.parseInt(p[3]));
      return r.width > 100 && r.height > 100 ? Optional.of(r) : Optional.empty();
    } catch (RuntimeException e) {
      LOG.warn("ignoring bad window.bounds '{}'", s);
      return Optional.empty();
    }
  }

  public synchronized void setWindowBounds(Rectangle r) {
    values.setProperty("window.bounds", r.x + "," + r.y + "," + r.width + "," + r.height);
  }

  /** Whether the window was maximized. */
  public synchronized boolean windowMaximized() {
    return Boolean.parseBoolean(values.getProperty("window.maximized", "false"));
  }

  public synchronized void setWindowMaximized(boolean maximized) {
    values.setProperty("window.maximized", Boolean.toString(maximized));
  }

  /**
   * The token last accepted by the remote server at {@code server}, if any. Kept in this file,
   * which only its owner can read (it is written through a temporary file created owner-only).
   */
  public synchronized Optional<String> serverToken(URI server) {
    return Optional.ofNullable(values.getProperty(SERVER_TOKEN + key(server)));
  }

  public synchronized void setServerToken(URI server, String token) {
    values.setProperty(SERVER_TOKEN + key(server), Objects.requireNonNull(token, "token"));
  }

  /** One key per server, whether or not its URL was typed with a trailing slash. */
  private static String key(URI server) {
    String s = server.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * What the app closed in the middle of indexing: "collection,photos not indexed", as read back by
   * {@link #unfinishedIndexing()}; null clears it.
   */
  public synchronized void setUnfinishedIndexing(String collection, long notIndexed) {
    if (collection == null) {
      values.remove("indexing.unfinished");
    } else {
      values.setProperty("indexing.unfinished", Math.max(0, notIndexed) + "," + collection);
    }
  }

  /** An indexing job the app was closed in the middle of, if any. */
  public synchronized Optional<UnfinishedIndexing> unfinishedIndexing() {
    String s = values.getProperty("indexing.unfinished");
    if (s == null || !s.contains(",")) {
      return Optional.empty();
    }
    try {
      int comma = s.indexOf(',');
      return Optional.of(
          new UnfinishedIndexing(s.substring(comma + 1), Long.parseLong(s.substring(0, comma))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * An indexing job stopped by closing the app.
   *
   * @param collection the collection it indexed
   * @param notIndexed photos it had not reached (0 when unknown)
   */
  public record UnfinishedIndexing(String collection, long notIndexed) {

    /** The notice shown at the next start, in plain words. */
    public String notice() {
      String photos =
          notIndexed > 0 ? String.format(Locale.ROOT, "%,d photos", notIndexed) : "Some photos";
      return photos
          + " of “"
          + collection
          + "” were never indexed: the app was closed while indexing. "
          + "Index the collection again under Collections to make them searchable.";
    }
  }

  /** The results' thumbnail size in logical pixels, 120–320; default 180. */
  public synchronized int thumbnailSize() {
    try {
      return Math.max(
          120, Math.min(320, Integer.parseInt(values.getProperty("thumbnail.size", "180"))));
    } catch (NumberFormatException e) {
      return 180;
    }
  }

  public synchronized void setThumbnailSize(int size) {
    values.setProperty("thumbnail.size", Integer.toString(Math.max(120, Math.min(320, size))));
  }

  /** The last searched collection; default {@code default}. */
  public synchronized String lastCollection() {
    return values.getProperty("collection", DEFAULT_COLLECTION);
  }

  public synchronized void setLastCollection(String name) {
    values.setProperty("collection", Objects.requireNonNull(name, "name"));
  }

  /** The search history, newest first. */
  public synchronized List<String> history() {
    List<String> history = new ArrayList<>();
    for (int i = 0; values.containsKey(HISTORY + i); i++) {
      history.add(values.getProperty(HISTORY + i));
    }
    return history;
  }

  /** Replaces the stored history (newest first). */
  public synchronized void setHistory(List<String> history) {
    values.stringPropertyNames().stream()
        .filter(k -> k.startsWith(HISTORY))
        .toList()
        .forEach(values::remove);
    for (int i = 0; i < history.size(); i++) {
      values.setProperty(HISTORY + i, history.get(i));
    }
  }
}
