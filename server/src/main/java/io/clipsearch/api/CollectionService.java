package io.clipsearch.api;

import io.clipsearch.api.config.DataConfig;
import io.clipsearch.api.types.CollectionInfo;
import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.collection.CollectionRegistry;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.index.IndexStats;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.ingest.RootPolicy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The collections as the API shows them: resolves a request's collection name (the configured
 * default when it names none), checks the roots a request adds, keeps collections that a job is
 * indexing from being shrunk or deleted, and maps to {@link CollectionInfo}. The collections
 * themselves (opening, defining, closing) are the {@link CollectionRegistry}'s; jobs are {@link
 * JobService}'s. Thread-safe.
 */
@Singleton
public class CollectionService {

  private final DataConfig data;
  private final CollectionRegistry registry;
  private final JobService jobs;

  public CollectionService(DataConfig data, CollectionRegistry registry, JobService jobs) {
    this.data = data;
    this.registry = registry;
    this.jobs = jobs;
  }

  /** The name used when a request names no collection. */
  public String defaultName() {
    return data.defaultCollection();
  }

  /**
   * The open collection of this name (the default one for null or blank).
   *
   * @throws io.clipsearch.collection.NoSuchCollectionException if there is none
   */
  public OpenCollection get(String name) {
    return registry.get(name == null || name.isBlank() ? data.defaultCollection() : name);
  }

  /** Open collections whose index writer died, with the cause: what health reports. */
  public Map<String, Throwable> failedWriters() {
    return registry.failedWriters();
  }

  public List<CollectionInfo> list() {
    List<CollectionInfo> out = new ArrayList<>();
    for (String name : registry.names()) {
      out.add(info(name));
    }
    return out;
  }

  /** A collection, with the job indexing it if any. */
  public CollectionInfo info(String name) {
    OpenCollection c = get(name);
    return info(c, jobs.activeJob(c.name()).orElse(null));
  }

  /**
   * Creates a collection, or adds roots to an existing one.
   *
   * @throws IllegalArgumentException if a root is not an existing absolute folder that {@link
   *     RootPolicy} accepts, or the format is unknown or differs from the existing collection's
   */
  public CollectionInfo create(CreateCollectionRequest request) {
    List<Path> roots = new ArrayList<>();
    for (String root : RequestLists.noNulls("roots", request.roots())) {
      Path p = Path.of(root);
      if (!p.isAbsolute()) {
        throw new IllegalArgumentException("root must be an absolute folder: " + root);
      }
      roots.add(RootPolicy.check(p, data.dir()));
    }
    Optional<VectorFormat> format =
        Optional.ofNullable(request.vectorFormat()).map(VectorFormat::parse);
    return info(registry.define(request.name(), roots, format), null);
  }

  /**
   * Stops indexing a folder and removes its images from the index (the photos stay).
   *
   * @throws io.clipsearch.ingest.CollectionBusyException if a job is indexing the collection
   */
  public CollectionInfo removeRoot(String name, Path root) {
    return jobs.whileIdle(name, () -> info(registry.removeRoot(name, root), null));
  }

  /**
   * Deletes a collection's index, thumbnails and reports (never the photos).
   *
   * @throws io.clipsearch.ingest.CollectionBusyException if a job is indexing the collection
   */
  public void delete(String name) {
    jobs.whileIdle(
        name,
        () -> {
          registry.delete(name);
          return null;
        });
  }

  private static CollectionInfo info(OpenCollection c, String activeJob) {
    try {
      IndexStats stats = c.index().stats();
      return new CollectionInfo(
          c.name(),
          c.config().roots().stream().map(Path::toString).toList(),
          stats.format().name().toLowerCase(Locale.ROOT),
          stats.documents(),
          stats.bytesOnDisk(),
          stats.space().modelId(),
          activeJob);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
