package io.clipsearch.api;

import io.clipsearch.api.types.CollectionInfo;
import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.index.ImageIndex;
import io.clipsearch.index.IndexMismatchException;
import io.clipsearch.index.IndexStats;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.ingest.CollectionConfig;
import io.clipsearch.ingest.CollectionLayout;
import io.clipsearch.ingest.RootPolicy;
import io.clipsearch.ingest.ThumbnailStore;
import io.clipsearch.model.ClipModel;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchService;
import io.clipsearch.search.SearchSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collections in the data folder, and their open indexes.
 *
 * <p>A collection is a folder {@code <data dir>/<name>/} with {@code collection.json}; its index
 * (embedded, or on SolrCloud: {@link CollectionBackends}) is opened on first use with the server's model (refused if it was built with another) and stays
 * open until shutdown. Thread-safe. Closes every index it opened.
 */
@Singleton
public class CollectionService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CollectionService.class);

  private final DataConfig data;
  private final CollectionBackends backends;
  private final ClipModel model;
  private final MeterRegistry metrics;
  private final Map<String, OpenCollection> open = new ConcurrentHashMap<>();

  public CollectionService(DataConfig data, CollectionBackends backends, ClipModel model, MeterRegistry metrics) {
    this.data = data;
    this.backends = backends;
    this.model = model;
    this.metrics = metrics;
  }

  /** The name used when a request names no collection. */
  public String defaultName() {
    return data.defaultCollection();
  }

  public List<CollectionInfo> list() {
    List<CollectionInfo> out = new ArrayList<>();
    for (String name : names()) {
      out.add(info(get(name), null));
    }
    return out;
  }

  /**
   * The open collection of this name (the default one for null).
   *
   * @throws NotFoundException if there is none
   */
  public OpenCollection get(String name) {
    String key = name == null || name.isBlank() ? data.defaultCollection() : name;
    return open.computeIfAbsent(key, this::openCollection);
  }

  /**
   * The open collection of this name, its index reopened first if its writer died (a full disk):
   * the way back to writing once the cause is gone, without a restart.
   *
   * @throws NotFoundException if there is none
   * @throws UncheckedIOException if the index cannot be opened again (the cause is in the message)
   */
  public synchronized OpenCollection writable(String name) {
    OpenCollection c = get(name);
    Optional<Throwable> failure = c.index().writeFailure();
    if (failure.isEmpty()) {
      return c;
    }
    log.warn("the index writer of collection {} died ({}): reopening it", c.name(), failure.get().toString());
    open.remove(c.name());
    closeQuietly(c);
    return get(c.name());
  }

  /** Open collections whose index writer died, with the cause: what health reports. */
  public Map<String, Throwable> failedWriters() {
    Map<String, Throwable> failed = new java.util.TreeMap<>();
    open.values().forEach(c -> c.index().writeFailure().ifPresent(t -> failed.put(c.name(), t)));
    return failed;
  }

  /**
   * Creates a collection, or adds roots to an existing one.
   *
   * @throws IllegalArgumentException if a root is not an existing absolute folder that {@link
   *     RootPolicy} accepts, or the format is unknown
   */
  public OpenCollection create(CreateCollectionRequest request) {
    List<Path> roots = new ArrayList<>();
    for (String root : RequestLists.noNulls("roots", request.roots())) {
      Path p = Path.of(root);
      if (!p.isAbsolute()) {
        throw new IllegalArgumentException("root must be an absolute folder: " + root);
      }
      roots.add(RootPolicy.check(p, data.dir()));
    }
    CollectionLayout layout = new CollectionLayout(data.dir(), request.name());
    synchronized (this) {
      try {
        Optional<CollectionConfig> existing = CollectionConfig.read(layout.configFile());
        CollectionConfig config = existing.map(c -> c.withRoots(roots)).orElseGet(() ->
            new CollectionConfig(request.name(), roots, VectorFormat.parse(
                request.vectorFormat() == null ? data.vectorFormat() : request.vectorFormat())));
        Files.createDirectories(layout.collectionDir());
        config.write(layout.configFile());
        OpenCollection current = open.get(request.name());
        if (current != null) {
          OpenCollection updated = new OpenCollection(config, layout, current.backend(), current.thumbs(),
              current.search());
          open.put(request.name(), updated);
          return updated;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write collection " + request.name() + ": " + e.getMessage(), e);
      }
    }
    return get(request.name());
  }

  /**
   * Stops indexing a folder: removes it from the collection and, from the index, its images that
   * no remaining folder still covers (the photos stay where they are). Thumbnails are kept: copies
   * elsewhere may share them.
   *
   * @throws NotFoundException if there is no such collection
   * @throws IllegalArgumentException if the folder is not one of its roots
   */
  public synchronized OpenCollection removeRoot(String name, Path root) {
    OpenCollection c = get(name);
    Path removed = root.normalize();
    CollectionConfig config = c.config().withoutRoot(removed);
    boolean stillCovered = config.roots().stream().anyMatch(removed::startsWith);
    List<Path> nestedRoots = config.roots().stream().filter(r -> r.startsWith(removed)).toList();
    try {
      config.write(c.layout().configFile());
      if (!stillCovered) {
        c.index().deleteUnder(removed, nestedRoots);
      }
      c.index().commit();
      c.index().refresh();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + root + " from " + name + ": " + e.getMessage(), e);
    }
    OpenCollection updated = new OpenCollection(config, c.layout(), c.backend(), c.thumbs(), c.search());
    open.put(c.name(), updated);
    return updated;
  }

  /**
   * Deletes a collection's index, thumbnails and reports (never the photos).
   *
   * @throws NotFoundException if there is none
   */
  public synchronized void delete(String name) {
    OpenCollection c = get(name);
    open.remove(name);
    closeQuietly(c);
    try (Stream<Path> files = Files.walk(c.layout().collectionDir())) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete collection " + name + ": " + e.getMessage(), e);
    }
  }

  /** What the API shows of a collection. */
  public CollectionInfo info(OpenCollection c, String activeJob) {
    try {
      IndexStats stats = c.index().stats();
      return new CollectionInfo(c.name(), c.config().roots().stream().map(Path::toString).toList(),
          stats.format().name().toLowerCase(java.util.Locale.ROOT), stats.documents(),
          stats.bytesOnDisk(), stats.space().modelId(), activeJob);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> names() {
    if (!Files.isDirectory(data.dir())) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(data.dir())) {
      return dirs.filter(d -> Files.isRegularFile(new CollectionLayout(data.dir(), d.getFileName().toString()).configFile()))
          .map(d -> d.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + data.dir() + ": " + e.getMessage(), e);
    }
  }

  private OpenCollection openCollection(String name) {
    CollectionLayout layout;
    try {
      layout = new CollectionLayout(data.dir(), name);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no collection '" + name + "': " + e.getMessage());
    }
    try {
      CollectionConfig config = CollectionConfig.read(layout.configFile()).orElseThrow(() ->
          new NotFoundException("no collection '" + name + "': create it with POST /api/collections"
              + " or 'clipsearch index DIR --collection " + name + "'"));
      VectorSpace space = new VectorSpace(model.info().id(), model.dimension());
      SearchBackend backend = backends.open(name, layout.indexDir(model.info().id()), space, config.format());
      ImageIndex index = backend.index();
      ThumbnailStore thumbs = new ThumbnailStore(layout.thumbsDir());
      SearchService search = new SearchService(backend, model, SearchSettings.DEFAULTS);
      Gauge.builder("clipsearch.index.documents", index, CollectionService::documents)
          .tag("collection", name).description("images in the index").register(metrics);
      Gauge.builder("clipsearch.index.bytes", index, CollectionService::bytes)
          .tag("collection", name).description("index size on disk").register(metrics);
      log.info("opened collection {} ({} format, {}) at {}", name, index.format(), backends.describe(),
          layout.collectionDir());
      return new OpenCollection(config, layout, backend, thumbs, search);
    } catch (IndexMismatchException e) {
      throw new ConflictException(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open collection " + name + ": " + e.getMessage(), e);
    }
  }

  private static double documents(ImageIndex index) {
    try {
      return index.count();
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static double bytes(ImageIndex index) {
    try {
      return index.stats().bytesOnDisk();
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static void closeQuietly(OpenCollection c) {
    try {
      c.index().close();
    } catch (IOException | RuntimeException e) {
      log.warn("closing the index of collection {} failed", c.name(), e);
    }
  }

  @PreDestroy
  @Override
  public void close() {
    open.values().forEach(CollectionService::closeQuietly);
    open.clear();
  }
}
