package io.clipsearch.cluster;

import io.clipsearch.index.ImageIndex;
import io.clipsearch.search.SearchBackend;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Clusters, map and duplicates of one collection, kept up to date with its index and persisted in a
 * {@link ClusterStore}.
 *
 * <p>Results are cached in memory and on disk with the model id and document count they were
 * computed from; a call finding the index's count or model changed brings them up to date first
 * (clusters incrementally, see {@link ClusterUpdater}; the map is recomputed). A replaced file that
 * leaves the count unchanged is picked up by the next forced recompute.
 *
 * <p>Thread-safe: calls are serialized (they are CPU-bound; running two at once on one collection
 * would only do the work twice). The index is borrowed, never closed here.
 */
public final class CollectionOrganizer {

  private final ImageIndex index;
  private final SearchBackend backend;
  private final ClusterStore store;
  private final ClusterUpdater updater;
  private final long seed;
  private ClusterState clusters;
  private CollectionMap map;

  /**
   * @param index the collection's write side: its size and model tell whether results are current
   * @param backend its read side, for the documents and the kNN searches
   */
  public CollectionOrganizer(
      ImageIndex index,
      SearchBackend backend,
      ClusterStore store,
      ClusterUpdater updater,
      long seed) {
    this.index = Objects.requireNonNull(index, "index");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.store = Objects.requireNonNull(store, "store");
    this.updater = Objects.requireNonNull(updater, "updater");
    this.seed = seed;
  }

  /** The index this organizes (borrowed). */
  public ImageIndex index() {
    return index;
  }

  /**
   * The collection's clusters, brought up to date if the index changed.
   *
   * @param k clusters wanted, 0 for automatic (a stored result with another k is recomputed)
   * @param refit fit from scratch even if the stored result is current
   * @throws IOException if the index cannot be read or the result not written
   */
  public synchronized ClusterState clusters(int k, boolean refit) throws IOException {
    Optional<ClusterState> previous = Optional.ofNullable(clusters).or(store::readClusters);
    long documents = index().count();
    String modelId = index().space().modelId();
    if (!refit
        && previous.isPresent()
        && previous.get().documents() == documents
        && previous.get().modelId().equals(modelId)
        && previous.get().requestedK() == k) {
      clusters = previous.get();
      return clusters;
    }
    clusters = updater.update(CollectionSnapshot.read(index, backend), previous, k, refit);
    store.write(clusters);
    return clusters;
  }

  /**
   * The collection's map, coloured by the current clusters.
   *
   * @param method AUTO, UMAP or PCA (a stored map of another method is recomputed unless AUTO)
   * @param recompute compute even if the stored map is current
   * @throws IOException if the index cannot be read or the result not written
   */
  public synchronized CollectionMap map(Projection method, boolean recompute) throws IOException {
    ClusterState current = clusters(currentK(), false);
    Optional<CollectionMap> previous = Optional.ofNullable(map).or(store::readMap);
    if (!recompute
        && previous.isPresent()
        && previous.get().documents() == current.documents()
        && previous.get().modelId().equals(current.modelId())
        && (method == Projection.AUTO
            || previous.get().method().equals(method.name().toLowerCase(Locale.ROOT)))) {
      map = previous.get();
      return map;
    }
    CollectionSnapshot snapshot = CollectionSnapshot.read(index, backend);
    Projection resolved = MapProjector.resolve(method, snapshot.size());
    float[][] xy = new MapProjector(seed).project(snapshot.vectors(), resolved);
    Map<String, Integer> assignments = current.assignments();
    List<MapPoint> points = new ArrayList<>(snapshot.size());
    for (int i = 0; i < snapshot.size(); i++) {
      String id = snapshot.images().get(i).id();
      points.add(new MapPoint(id, xy[i][0], xy[i][1], assignments.getOrDefault(id, -1)));
    }
    map =
        CollectionMap.of(
            snapshot.modelId(),
            snapshot.documents(),
            resolved.name().toLowerCase(Locale.ROOT),
            points);
    store.write(map);
    return map;
  }

  /**
   * Near-duplicate groups at this cosine threshold (computed on every call: it is a kNN pass).
   *
   * @throws IllegalArgumentException if the threshold is not in (0, 1]
   * @throws IOException if the index cannot be read
   */
  public List<DuplicateGroup> duplicates(double threshold) throws IOException {
    return new DuplicateFinder(threshold).find(backend);
  }

  /** The k of the current result: 0 if chosen automatically (or none yet). */
  public synchronized int currentK() {
    return Optional.ofNullable(clusters)
        .or(store::readClusters)
        .map(ClusterState::requestedK)
        .orElse(0);
  }
}
