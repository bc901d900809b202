package io.clipsearch.api;

import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.collection.DataFiles;
import io.clipsearch.model.BundledModel;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which model folder the server loads at start, and the choice made in the app that it remembers.
 *
 * <p>In order: {@code clipsearch.model.dir} when it is set (the command line's {@code --model}, the
 * environment, a config file: an explicit setting always wins, and when it differs from the choice
 * made in the app the {@link #conflict()} says so in plain words); else the model the library was
 * last switched to ({@code POST /api/models/{name}/activate}), kept in {@link
 * CollectionLayout#modelChoiceFile} while its folder exists; else the bundled mini model ({@link
 * BundledModel#resolve}). Immutable.
 *
 * @param folder the folder to load
 * @param conflict why a choice made in the app is not used, or null
 */
public record ModelSelection(Path folder, @Nullable String conflict) {

  private static final Logger log = LoggerFactory.getLogger(ModelSelection.class);

  /**
   * @param configured {@code clipsearch.model.dir}, or null
   * @param dataDir the data folder
   * @param home the installation's home
   * @throws IllegalStateException as {@link BundledModel#resolve} when no model is found
   */
  static ModelSelection resolve(@Nullable Path configured, Path dataDir, Path home) {
    Optional<Path> chosen = chosen(dataDir);
    if (configured != null) {
      String conflict = null;
      if (chosen.isPresent() && !same(chosen.get(), configured)) {
        conflict =
            "The library was switched to "
                + chosen.get().getFileName()
                + " in the app, but this server is started with the model "
                + configured
                + " (clipsearch.model.dir or --model), which wins. Remove that setting to use "
                + chosen.get().getFileName()
                + ".";
        log.warn(conflict);
      }
      return new ModelSelection(configured, conflict);
    }
    if (chosen.isPresent()) {
      log.info("using the model chosen in the app: {}", chosen.get());
      return new ModelSelection(chosen.get(), null);
    }
    return new ModelSelection(BundledModel.resolve(null, home), null);
  }

  /**
   * Remembers {@code folder} as the library's model for the next start, atomically.
   *
   * @throws UncheckedIOException if the data folder cannot be written
   */
  static void remember(Path dataDir, Path folder) {
    Path file = CollectionLayout.modelChoiceFile(dataDir);
    try {
      DataFiles.writeAtomically(
          file, (folder.toAbsolutePath().normalize() + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remember the model in " + file + ": " + e, e);
    }
  }

  /** The folder chosen in the app, if one was and it still exists. */
  private static Optional<Path> chosen(Path dataDir) {
    Path file = CollectionLayout.modelChoiceFile(dataDir);
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      String line = Files.readString(file, StandardCharsets.UTF_8).strip();
      Path folder = Path.of(line);
      if (line.isEmpty() || !Files.isDirectory(folder)) {
        log.warn("the model chosen in the app ({}) is gone: not using it", line);
        return Optional.empty();
      }
      return Optional.of(folder);
    } catch (IOException | RuntimeException e) {
      log.warn("cannot read {}: not using the model chosen in the app", file, e);
      return Optional.empty();
    }
  }

  private static boolean same(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
