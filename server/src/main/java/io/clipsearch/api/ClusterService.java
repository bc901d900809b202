package io.clipsearch.api;

import io.clipsearch.api.errors.NotFoundException;
import io.clipsearch.api.types.ClusterImage;
import io.clipsearch.api.types.ClusterInfo;
import io.clipsearch.api.types.ClusterLabel;
import io.clipsearch.api.types.ClusterList;
import io.clipsearch.api.types.CollectionMapView;
import io.clipsearch.api.types.DuplicateGroupInfo;
import io.clipsearch.api.types.DuplicateGroups;
import io.clipsearch.api.types.DuplicateImage;
import io.clipsearch.api.types.MapPointInfo;
import io.clipsearch.cluster.BoundingBox;
import io.clipsearch.cluster.ClusterSettings;
import io.clipsearch.cluster.ClusterState;
import io.clipsearch.cluster.ClusterStore;
import io.clipsearch.cluster.ClusterUpdater;
import io.clipsearch.cluster.CollectionMap;
import io.clipsearch.cluster.CollectionOrganizer;
import io.clipsearch.cluster.DuplicateFinder;
import io.clipsearch.cluster.DuplicateGroup;
import io.clipsearch.cluster.IndexedImage;
import io.clipsearch.cluster.Projection;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.model.ClipModel;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clusters, map and near-duplicates of the server's collections, mapped to API types.
 *
 * <p>One {@link CollectionOrganizer} per collection, cached here (it caches its results in memory
 * and under {@code <collection>/clusters/}); names come from the server's one {@link
 * ServerLabeler}. Thread-safe.
 */
@Singleton
public class ClusterService {

  static final int MAX_MAP_LIMIT = 100_000;
  static final int MAX_K = 500;

  private final CollectionService collections;
  private final ClipModel model;
  private final ServerLabeler labeler;
  private final Map<String, CollectionOrganizer> organizers = new ConcurrentHashMap<>();
  private volatile ClusterUpdater updater;

  public ClusterService(CollectionService collections, ClipModel model, ServerLabeler labeler) {
    this.collections = collections;
    this.model = model;
    this.labeler = labeler;
  }

  /**
   * The collection's clusters, brought up to date with its index.
   *
   * @param k clusters wanted, 0 for the automatic choice, null to keep the current choice
   * @param refit fit from scratch
   * @throws NotFoundException if there is no such collection
   * @throws IllegalArgumentException if k is out of range
   */
  public ClusterList clusters(String name, Integer k, boolean refit) {
    if (k != null && (k < 0 || k > MAX_K)) {
      throw new IllegalArgumentException("k must be 0-" + MAX_K + " (0: automatic), got " + k);
    }
    OpenCollection c = collections.get(name);
    try {
      CollectionOrganizer organizer = organizer(c);
      ClusterState s = organizer.clusters(k == null ? organizer.currentK() : k, refit);
      return new ClusterList(
          c.name(),
          s.modelId(),
          s.documents(),
          s.k(),
          s.requestedK() == 0,
          s.silhouette(),
          s.clusters().stream()
              .map(
                  summary ->
                      new ClusterInfo(
                          summary.cluster(),
                          summary.size(),
                          summary.labels().stream()
                              .map(l -> new ClusterLabel(l.label(), l.score()))
                              .toList(),
                          summary.representatives().stream()
                              .map(i -> new ClusterImage(i.id(), i.path(), thumbnail(c, i)))
                              .toList()))
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException("clustering " + c.name() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Map points in a box.
   *
   * @param bbox {@code minX,minY,maxX,maxY} in [0, 1], or null for the whole map
   * @param method auto, umap or pca, or null for auto
   * @throws IllegalArgumentException if bbox, limit or method is malformed
   */
  public CollectionMapView map(String name, String bbox, int limit, String method) {
    if (limit < 1 || limit > MAX_MAP_LIMIT) {
      throw new IllegalArgumentException("limit must be 1-" + MAX_MAP_LIMIT + ", got " + limit);
    }
    BoundingBox box = bbox == null || bbox.isBlank() ? BoundingBox.ALL : BoundingBox.parse(bbox);
    Projection projection =
        method == null || method.isBlank() ? Projection.AUTO : Projection.parse(method);
    OpenCollection c = collections.get(name);
    try {
      CollectionMap map = organizer(c).map(projection, false);
      CollectionMap.View view = map.view(box, limit);
      return new CollectionMapView(
          c.name(),
          map.method(),
          view.total(),
          view.inBox(),
          view.points().stream()
              .map(p -> new MapPointInfo(p.id(), p.x(), p.y(), p.cluster()))
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException("mapping " + c.name() + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Near-duplicate groups.
   *
   * @param threshold cosine threshold in (0, 1], or null for the default
   * @throws IllegalArgumentException if the threshold is out of range
   */
  public DuplicateGroups duplicates(String name, Double threshold) {
    double t = threshold == null ? DuplicateFinder.DEFAULT_THRESHOLD : threshold;
    OpenCollection c = collections.get(name);
    try {
      return new DuplicateGroups(
          c.name(), t, organizer(c).duplicates(t).stream().map(g -> group(c, g)).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "finding duplicates in " + c.name() + " failed: " + e.getMessage(), e);
    }
  }

  private static DuplicateGroupInfo group(OpenCollection c, DuplicateGroup g) {
    return new DuplicateGroupInfo(
        g.keep().path(),
        g.members().stream()
            .map(
                m ->
                    new DuplicateImage(
                        m.image().id(),
                        m.image().path(),
                        m.image().width(),
                        m.image().height(),
                        m.image().size(),
                        m.similarity(),
                        thumbnail(c, m.image())))
            .toList());
  }

  private static String thumbnail(OpenCollection c, IndexedImage image) {
    return ImageUrls.thumbnail(image.id(), c.name());
  }

  private CollectionOrganizer organizer(OpenCollection c) {
    // keyed by the index too: a deleted and re-created collection has a new one
    return organizers.compute(
        c.name(),
        (n, existing) ->
            existing != null && existing.index() == c.index()
                ? existing
                : new CollectionOrganizer(
                    c.index(),
                    c.backend(),
                    new ClusterStore(c.layout().clustersDir()),
                    updater(),
                    ClusterSettings.DEFAULTS.seed()));
  }

  private ClusterUpdater updater() {
    ClusterUpdater u = updater;
    if (u == null) {
      synchronized (this) {
        if (updater == null) {
          updater = new ClusterUpdater(labeler.get(), ClusterSettings.DEFAULTS);
        }
        u = updater;
      }
    }
    return u;
  }
}
