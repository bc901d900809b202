package io.clipsearch.cli;

import io.clipsearch.install.ClipsearchFolders;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code serve --config FILE}: an application.yml-style file read as a property source that
 * overrides the built-in application.yml and is overridden by {@code CLIPSEARCH_*} environment
 * variables and by {@code serve}'s own options. Without {@code --config}, an installed program
 * reads {@code $XDG_CONFIG_HOME/clipsearch/server.yml} if it exists. Stateless.
 */
final class ServerConfigFile {

  /** Between application.yml (-300) and environment variables (-200): higher wins. */
  static final int ORDER = -250;

  private ServerConfigFile() {}

  /**
   * The file to read: the given one, else the installed program's {@code server.yml} if present.
   *
   * @throws IllegalArgumentException if a given file is not a readable file
   */
  static Optional<Path> choose(Path given, ClipsearchFolders folders) {
    if (given != null) {
      if (!Files.isRegularFile(given) || !Files.isReadable(given)) {
        throw new IllegalArgumentException("--config " + given + ": no such readable file");
      }
      return Optional.of(given);
    }
    Path implicit = folders.serverConfig();
    return folders.installed() && Files.isRegularFile(implicit)
        ? Optional.of(implicit)
        : Optional.empty();
  }

  /**
   * Reads the file as a property source.
   *
   * @throws IllegalArgumentException if it is not valid YAML, naming the file
   */
  static PropertySource read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Map<String, Object> values = new YamlPropertySourceLoader().read(file.toString(), in);
      return PropertySource.of(file.toString(), values, ORDER);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          file + " is not a valid application.yml-style file: " + e.getMessage(), e);
    }
  }
}
