package io.clipsearch.collection;

import io.clipsearch.index.IndexLockedException;
import io.clipsearch.index.IndexMismatchException;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.model.ClipModel;
import io.clipsearch.people.FaceStore;
import io.clipsearch.people.People;
import io.clipsearch.search.HybridSearch;
import io.clipsearch.search.SearchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one way to define and open the collections of a data folder, for one model: the server's
 * {@link CollectionRegistry} and every CLI command go through it, so a collection is opened with
 * the same layout, engine ({@link CollectionBackends}) and defaults wherever it is used. A new
 * collection stores vectors as {@link CollectionConfig#DEFAULT_FORMAT} unless told otherwise (a
 * request's format, or the server's configured one).
 *
 * <p>Opening never creates a collection; {@link #define} does. Immutable and thread-safe; the
 * caller closes every {@link OpenCollection} it gets.
 */
public final class CollectionOpener {

  private final Path dataDir;
  private final CollectionBackends backends;
  private final ClipModel model;
  private final VectorFormat newFormat;

  /**
   * @param dataDir the data folder holding the collections
   * @param backends the engine the indexes live on
   * @param model the model whose vectors the indexes hold (an index of another model is refused)
   * @param newFormat vector format of a new collection when none is asked for (the server's {@code
   *     clipsearch.data.vector-format}; else {@link CollectionConfig#DEFAULT_FORMAT})
   */
  public CollectionOpener(
      Path dataDir, CollectionBackends backends, ClipModel model, VectorFormat newFormat) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.backends = Objects.requireNonNull(backends, "backends");
    this.model = Objects.requireNonNull(model, "model");
    this.newFormat = Objects.requireNonNull(newFormat, "newFormat");
  }

  /**
   * Collections in {@code dataDir}, embedded, new ones in {@link CollectionConfig#DEFAULT_FORMAT}:
   * the CLI's.
   */
  public static CollectionOpener embedded(Path dataDir, ClipModel model) {
    return new CollectionOpener(
        dataDir, CollectionBackends.embedded(), model, CollectionConfig.DEFAULT_FORMAT);
  }

  /** The same data folder, engine and defaults for another model: its own index per collection. */
  public CollectionOpener withModel(ClipModel other) {
    return new CollectionOpener(dataDir, backends, other, newFormat);
  }

  public Path dataDir() {
    return dataDir;
  }

  /**
   * Where a collection's files are.
   *
   * @throws IllegalArgumentException if the name cannot be a collection's folder
   */
  public CollectionLayout layout(String name) {
    return new CollectionLayout(dataDir, name);
  }

  /**
   * Creates a collection, or adds roots to an existing one, and writes its {@code collection.json}.
   *
   * @param roots absolute folders, already checked by the caller
   * @param format the vector format asked for; empty: the existing one, or for a new collection the
   *     default this opener was made with
   * @throws IllegalArgumentException if the name is not a safe folder name, or the collection
   *     exists with another format than the one asked for
   * @throws IOException if the config cannot be read or written
   */
  public CollectionConfig define(String name, List<Path> roots, Optional<VectorFormat> format)
      throws IOException {
    CollectionLayout layout = layout(name);
    Optional<CollectionConfig> existing = CollectionConfig.read(layout.configFile());
    CollectionConfig config;
    if (existing.isEmpty()) {
      config = new CollectionConfig(name, roots, format.orElse(newFormat));
    } else {
      VectorFormat stored = existing.get().format();
      format
          .filter(f -> f != stored)
          .ifPresent(
              f -> {
                throw new IllegalArgumentException(
                    "collection '"
                        + name
                        + "' stores vectors as "
                        + stored.name().toLowerCase(Locale.ROOT)
                        + ", not "
                        + f.name().toLowerCase(Locale.ROOT)
                        + ": leave out the format or use another collection");
              });
      config = existing.get().withRoots(roots);
    }
    config.write(layout.configFile());
    return config;
  }

  /**
   * Opens an existing collection's index for the model, creating an empty index if it has none yet
   * (as an index job does).
   *
   * @throws NoSuchCollectionException if there is no such collection
   * @throws CollectionInUseException if another process holds its index
   * @throws IndexMismatchException if the index holds another model's vectors
   * @throws IOException if the index cannot be opened
   */
  public OpenCollection open(String name) throws IOException {
    CollectionLayout layout = existing(dataDir, name);
    CollectionConfig config = config(dataDir, name);
    VectorSpace space = new VectorSpace(model.info().id(), model.dimension());
    CollectionBackends.Engine engine;
    try {
      engine = backends.open(name, layout.indexDir(model.info().id()), space, config.format());
    } catch (IndexLockedException e) {
      throw new CollectionInUseException(name, e);
    }
    People people = People.open(layout.peopleFile(), new FaceStore(layout.facesDir()));
    return new OpenCollection(
        config,
        layout,
        engine.index(),
        engine.backend(),
        new ThumbnailStore(layout.thumbsDir()),
        people,
        new HybridSearch(
            engine.backend(),
            model,
            SearchSettings.DEFAULTS.calibratedFor(model.info()),
            people::photosOf));
  }

  /**
   * Opens a collection that already has an embedded index for the model: what commands that only
   * read (search, clusters, tags, migrate) open, so they never leave an empty index behind.
   *
   * @throws NoSuchCollectionException if there is no such collection or it has no index for the
   *     model
   * @throws CollectionInUseException if another process holds its index
   * @throws IndexMismatchException if the index holds another model's vectors
   * @throws IOException if the index cannot be opened
   */
  public OpenCollection openIndexed(String name) throws IOException {
    CollectionLayout layout = existing(dataDir, name);
    if (Files.isRegularFile(layout.configFile())
        && !Files.isDirectory(layout.indexDir(model.info().id()))) {
      throw new NoSuchCollectionException(
          "collection '"
              + name
              + "' has no index for model "
              + model.info().id()
              + ": index it with this model first");
    }
    return open(name);
  }

  /**
   * The config of an existing collection, read without a model: to refuse a missing collection
   * before loading one.
   *
   * @throws NoSuchCollectionException if there is no such collection
   * @throws IOException if its config cannot be read
   */
  public static CollectionConfig config(Path dataDir, String name) throws IOException {
    return CollectionConfig.read(existing(dataDir, name).configFile())
        .orElseThrow(
            () ->
                new NoSuchCollectionException(
                    "no collection '"
                        + name
                        + "': index one with 'clipsearch index DIR --collection "
                        + name
                        + "' (or POST /api/collections on a server)"));
  }

  /** The names of the collections in the data folder, sorted. */
  public List<String> names() throws IOException {
    if (!Files.isDirectory(dataDir)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(dataDir)) {
      return dirs.map(d -> d.getFileName().toString())
          .filter(n -> CollectionLayout.isName(n) && Files.isRegularFile(layout(n).configFile()))
          .sorted()
          .toList();
    }
  }

  /** What the log says of where indexes live. */
  public String describeBackend() {
    return backends.describe();
  }

  private static CollectionLayout existing(Path dataDir, String name) {
    try {
      return new CollectionLayout(dataDir, name);
    } catch (IllegalArgumentException e) {
      throw new NoSuchCollectionException("no collection '" + name + "': " + e.getMessage());
    }
  }
}
