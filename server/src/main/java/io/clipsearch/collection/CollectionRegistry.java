package io.clipsearch.collection;

import io.clipsearch.index.IndexMismatchException;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.model.ClipModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open collections of a long-running process (the server): each is opened through a {@link
 * CollectionOpener} on first use, warmed and (if fragmented) merged in the background ({@link
 * IndexUpkeep}), and stays open until {@link #close()}, which commits and closes every index.
 * Thread-safe: lookups are lock-free; changes (define, remove a root, delete, reopen after a writer
 * died, a switch of model) hold this registry's lock.
 *
 * <p>The collections are served for one model at a time. {@link #switchTo} replaces the opener and
 * every open collection at once (one volatile write) with collections already opened for another
 * model; the caller closes the old ones once no request uses them.
 *
 * <p>Index jobs write to these indexes: whoever runs them must stop them before closing this
 * registry ({@code ingest.IndexJobs#close}), or their next write meets a closed index.
 */
public final class CollectionRegistry implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CollectionRegistry.class);

  private final Consumer<OpenCollection> onOpen;

  /** The opener and the collections opened through it: replaced together by a model switch. */
  private volatile Served served;

  private record Served(CollectionOpener opener, Map<String, OpenCollection> open) {}

  /**
   * @param onOpen told of each index opened (the server registers its gauges); must not throw
   */
  public CollectionRegistry(CollectionOpener opener, Consumer<OpenCollection> onOpen) {
    this.onOpen = onOpen;
    this.served = new Served(opener, new ConcurrentHashMap<>());
  }

  /** An opener of this registry's data folder for another model, to prepare a {@link #switchTo}. */
  public CollectionOpener openerFor(ClipModel model) {
    return served.opener().withModel(model);
  }

  /**
   * Serves collections through {@code next} from now on, starting with {@code reopened} (each
   * already opened through it); a collection not among them opens on first use, as always.
   *
   * @return closes the collections served until now, those opened meanwhile included: call it once
   *     no request can use them any more
   */
  public synchronized AutoCloseable switchTo(
      CollectionOpener next, Map<String, OpenCollection> reopened) {
    Served old = served;
    served = new Served(next, new ConcurrentHashMap<>(reopened));
    for (OpenCollection c : reopened.values()) {
      onOpen.accept(c);
      IndexUpkeep.afterOpen(c);
    }
    return () -> old.open().values().forEach(CollectionRegistry::closeQuietly);
  }

  /** The names of the collections in the data folder, sorted. */
  public List<String> names() {
    try {
      return served.opener().names();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list " + served.opener().dataDir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The open collection of this name.
   *
   * @throws NoSuchCollectionException if there is none
   * @throws ModelMismatchException if its index holds another model's vectors
   * @throws UncheckedIOException if its index cannot be opened
   */
  public OpenCollection get(String name) {
    Served s = served;
    return s.open().computeIfAbsent(name, n -> openCollection(s.opener(), n));
  }

  /**
   * The open collection of this name, its index reopened first if its writer died (a full disk):
   * the way back to writing once the cause is gone, without a restart.
   *
   * @throws NoSuchCollectionException if there is none
   * @throws UncheckedIOException if the index cannot be opened again (the cause is in the message)
   */
  public synchronized OpenCollection writable(String name) {
    OpenCollection c = get(name);
    Optional<Throwable> failure = c.index().writeFailure();
    if (failure.isEmpty()) {
      return c;
    }
    log.warn(
        "the index writer of collection {} died ({}): reopening it",
        c.name(),
        failure.get().toString());
    served.open().remove(c.name());
    closeQuietly(c);
    return get(c.name());
  }

  /** Open collections whose index writer died, with the cause: what health reports. */
  public Map<String, Throwable> failedWriters() {
    Map<String, Throwable> failed = new TreeMap<>();
    served
        .open()
        .values()
        .forEach(c -> c.index().writeFailure().ifPresent(t -> failed.put(c.name(), t)));
    return failed;
  }

  /**
   * Creates a collection, or adds roots to an existing one ({@link CollectionOpener#define}).
   *
   * @param roots absolute folders the caller has checked
   * @throws IllegalArgumentException if the name is unsafe or the format differs from the stored
   *     one
   * @throws UncheckedIOException if its config cannot be written
   */
  public synchronized OpenCollection define(
      String name, List<Path> roots, Optional<VectorFormat> format) {
    try {
      CollectionConfig config = served.opener().define(name, roots, format);
      OpenCollection current = served.open().get(name);
      if (current == null) {
        return get(name);
      }
      OpenCollection updated = current.withConfig(config);
      served.open().put(name, updated);
      return updated;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write collection " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stops indexing a folder: removes it from the collection and, from the index, its images that no
   * remaining folder still covers (the photos stay where they are). Thumbnails are kept: copies
   * elsewhere may share them.
   *
   * @throws NoSuchCollectionException if there is no such collection
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
      throw new UncheckedIOException(
          "cannot remove " + root + " from " + name + ": " + e.getMessage(), e);
    }
    OpenCollection updated = c.withConfig(config);
    served.open().put(c.name(), updated);
    return updated;
  }

  /**
   * Deletes a collection's index, thumbnails and reports (never the photos).
   *
   * @throws NoSuchCollectionException if there is none
   */
  public synchronized void delete(String name) {
    OpenCollection c = get(name);
    served.open().remove(name);
    closeQuietly(c);
    try (Stream<Path> files = Files.walk(c.layout().collectionDir())) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete collection " + name + ": " + e.getMessage(), e);
    }
  }

  private OpenCollection openCollection(CollectionOpener opener, String name) {
    try {
      OpenCollection c = opener.open(name);
      onOpen.accept(c);
      log.info(
          "opened collection {} ({} format, {}) at {}",
          name,
          c.index().format(),
          opener.describeBackend(),
          c.layout().collectionDir());
      IndexUpkeep.afterOpen(c);
      return c;
    } catch (IndexMismatchException e) {
      throw new ModelMismatchException(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open collection " + name + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(OpenCollection c) {
    try {
      c.close();
    } catch (IOException | RuntimeException e) {
      log.warn("closing the index of collection {} failed", c.name(), e);
    }
  }

  /** Commits and closes every open index. */
  @Override
  public synchronized void close() {
    served.open().values().forEach(CollectionRegistry::closeQuietly);
    served.open().clear();
  }
}
