package io.clipsearch.app.clusters;

import io.clipsearch.api.types.ClusterInfo;
import io.clipsearch.api.types.ClusterList;
import io.clipsearch.api.types.CollectionMapView;
import io.clipsearch.api.types.MapPointInfo;
import io.clipsearch.app.net.ApiException;
import io.clipsearch.app.net.ServerUnreachableException;
import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.Delay;
import io.clipsearch.app.viewmodel.CollectionScopedViewModel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clusters screen's state, without Swing components: the current collection's clusters and the
 * selected one; the map's viewport, the points inside it (re-fetched {@link #MAP_DEBOUNCE} after
 * the viewport stops changing, the stale request cancelled), the hovered point and the level of
 * detail ({@code limit}: how many points the server sends for the box).
 *
 * <p>There is no cluster filter in search: a cluster shows its representative images, and "more
 * like this" on one of them opens a {@code like:} search (the view's business).
 *
 * <p>Confined to the UI thread; {@link BackgroundTasks} delivers results there. Listeners run after
 * every change.
 */
public final class ClustersViewModel extends CollectionScopedViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(ClustersViewModel.class);

  /** The pause in zooming/panning after which the visible box is fetched. */
  public static final Duration MAP_DEBOUNCE = Duration.ofMillis(150);

  public static final int DEFAULT_LIMIT = 3000;

  /** The server's largest {@code limit}. */
  public static final int MAX_LIMIT = 100_000;

  /** Where a load stands. */
  public enum ClusterLoad {
    IDLE,
    LOADING,
    DONE,
    FAILED
  }

  private final ClusterClient server;
  private final BackgroundTasks tasks;
  private final Delay delay;

  private ClusterLoad clustersStatus = ClusterLoad.IDLE;
  private ClusterList clusters;
  private String clustersMessage;
  private int selected = -1;
  private BackgroundTasks.Task clustersTask;

  private MapViewport viewport = MapViewport.ALL;
  private int limit = DEFAULT_LIMIT;
  private ClusterLoad mapStatus = ClusterLoad.IDLE;
  private CollectionMapView map;
  private MapViewport mapBox;
  private String mapMessage;
  private MapPointInfo hovered;
  private BackgroundTasks.Task mapTask;
  private Delay.Scheduled pendingMap;

  public ClustersViewModel(ClusterClient server, BackgroundTasks tasks, Delay delay) {
    this.server = Objects.requireNonNull(server, "server");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.delay = Objects.requireNonNull(delay, "delay");
  }

  // ---- collection and loading

  @Override
  protected void collectionChanged() {
    cancelAll();
    clusters = null;
    map = null;
    mapBox = null;
    selected = -1;
    hovered = null;
    viewport = MapViewport.ALL;
    clustersStatus = ClusterLoad.IDLE;
    mapStatus = ClusterLoad.IDLE;
  }

  /** Loads the clusters and the map's visible box. */
  @Override
  protected void load() {
    loadClusters(false);
    fetchMap();
  }

  /**
   * Re-fits the clusters from scratch on the server, then reloads the map (new cluster numbers).
   */
  public void recompute() {
    setStale(false);
    loadClusters(true);
  }

  private void loadClusters(boolean recompute) {
    cancel(clustersTask);
    String c = collection();
    clustersStatus = ClusterLoad.LOADING;
    clustersMessage = null;
    changed();
    clustersTask =
        tasks.submit(
            () -> recompute ? server.recompute(c) : server.clusters(c),
            list -> {
              clustersTask = null;
              int previous = selectedClusterId();
              clusters = list;
              clustersStatus = ClusterLoad.DONE;
              clustersMessage = emptyMessage(list);
              selected = -1;
              for (int i = 0; i < list.clusters().size(); i++) {
                if (!recompute && list.clusters().get(i).cluster() == previous) {
                  selected = i;
                }
              }
              changed();
              if (recompute) {
                fetchMap();
              }
            },
            error -> {
              clustersTask = null;
              clustersStatus = ClusterLoad.FAILED;
              clustersMessage = message("The clusters could not be loaded", error);
              changed();
            });
  }

  private String emptyMessage(ClusterList list) {
    if (list.documents() == 0) {
      return "Collection “"
          + collection()
          + "” has no photos yet. Add a folder under Collections, then come back.";
    }
    if (list.clusters().isEmpty()) {
      return "No clusters yet for “"
          + collection()
          + "” ("
          + list.documents()
          + " photos): press Recompute.";
    }
    return null;
  }

  public ClusterLoad clustersStatus() {
    return clustersStatus;
  }

  /** The clusters, largest first; empty before they load. */
  public List<ClusterInfo> clusters() {
    return clusters == null ? List.of() : clusters.clusters();
  }

  /** The whole answer (k, silhouette...); null before it loads. */
  public ClusterList clusterList() {
    return clusters;
  }

  /** Why there is nothing to show (empty collection, no clusters, an error); null otherwise. */
  public String clustersMessage() {
    return clustersMessage;
  }

  // ---- selection

  /**
   * Selects the cluster at {@code index} in {@link #clusters()} (-1: none); the map highlights it.
   */
  public void select(int index) {
    int i = index < 0 || index >= clusters().size() ? -1 : index;
    if (i != selected) {
      selected = i;
      changed();
    }
  }

  /** The selected index in {@link #clusters()}, or -1. */
  public int selectedIndex() {
    return selected;
  }

  /** The selected cluster, or null. */
  public ClusterInfo selectedCluster() {
    return selected < 0 ? null : clusters().get(selected);
  }

  /** The selected cluster's number (as on map points), or -1. */
  public int selectedClusterId() {
    ClusterInfo c = selectedCluster();
    return c == null ? -1 : c.cluster();
  }

  /** A cluster's name: its best label, or "cluster N". */
  public static String name(ClusterInfo c) {
    return c.labels() == null || c.labels().isEmpty()
        ? "cluster " + c.cluster()
        : c.labels().getFirst().label();
  }

  // ---- map

  public MapViewport viewport() {
    return viewport;
  }

  /** A new viewport (zoom, pan): the visible box is fetched after {@link #MAP_DEBOUNCE}. */
  public void setViewport(MapViewport v) {
    if (!v.equals(viewport)) {
      viewport = v;
      changed();
      scheduleMap();
    }
  }

  /** Back to the whole map. */
  public void resetViewport() {
    setViewport(MapViewport.ALL);
  }

  /** Points to request per box (level of detail: the view sets it from its size). */
  public void setLimit(int newLimit) {
    int l = Math.max(1, Math.min(MAX_LIMIT, newLimit));
    if (l != limit) {
      limit = l;
      if (map != null || mapStatus == ClusterLoad.LOADING) {
        scheduleMap();
      }
    }
  }

  int limit() {
    return limit;
  }

  private void scheduleMap() {
    if (pendingMap != null) {
      pendingMap.cancel();
    }
    pendingMap =
        delay.schedule(
            MAP_DEBOUNCE,
            () -> {
              pendingMap = null;
              fetchMap();
            });
  }

  private void fetchMap() {
    if (pendingMap != null) {
      pendingMap.cancel();
      pendingMap = null;
    }
    cancel(mapTask);
    String c = collection();
    MapViewport box = viewport;
    double[] bbox = box.bbox();
    int l = limit;
    mapStatus = ClusterLoad.LOADING;
    changed();
    mapTask =
        tasks.submit(
            () -> server.map(c, bbox, l),
            view -> {
              mapTask = null;
              map = view;
              mapBox = box;
              mapStatus = ClusterLoad.DONE;
              mapMessage =
                  view.total() == 0 ? "Nothing to map: the collection has no photos yet." : null;
              if (hovered != null
                  && view.points().stream().noneMatch(p -> p.id().equals(hovered.id()))) {
                hovered = null;
              }
              changed();
            },
            error -> {
              mapTask = null;
              mapStatus = ClusterLoad.FAILED;
              mapMessage = message("The map could not be loaded", error);
              changed();
            });
  }

  public ClusterLoad mapStatus() {
    return mapStatus;
  }

  /** The points last fetched (for {@link #mapBox()}); empty before the first answer. */
  public List<MapPointInfo> points() {
    return map == null ? List.of() : map.points();
  }

  /** The last answer (total, inBox, method); null before the first. */
  public CollectionMapView mapView() {
    return map;
  }

  /** The viewport the current points were fetched for; null before the first answer. */
  MapViewport mapBox() {
    return mapBox;
  }

  /** Why the map is empty or failed; null otherwise. */
  public String mapMessage() {
    return mapMessage;
  }

  /** Whether the box holds more points than were sent (zoom in for all of them). */
  public boolean sampled() {
    return map != null && map.inBox() > map.points().size();
  }

  /** The point under the mouse (null: none). */
  public void hover(MapPointInfo point) {
    if (!Objects.equals(point, hovered)) {
      hovered = point;
      changed();
    }
  }

  public MapPointInfo hovered() {
    return hovered;
  }

  /** The cluster with number {@code id}, or null (points of clusters not listed, -1). */
  public ClusterInfo clusterById(int id) {
    for (ClusterInfo c : clusters()) {
      if (c.cluster() == id) {
        return c;
      }
    }
    return null;
  }

  // ---- plumbing

  private String message(String what, Throwable error) {
    if (error instanceof ServerUnreachableException e) {
      connectionLost(e);
      return what + ": the server cannot be reached.";
    }
    if (error instanceof ApiException e) {
      if (e.status() == 404) {
        return what + ": there is no collection “" + collection() + "”.";
      }
      return what + ": " + e.getMessage();
    }
    LOG.warn("{} ({})", what, collection(), error);
    return what + ": " + error.getMessage();
  }

  private void cancelAll() {
    cancel(clustersTask);
    clustersTask = null;
    cancel(mapTask);
    mapTask = null;
    if (pendingMap != null) {
      pendingMap.cancel();
      pendingMap = null;
    }
  }

  private static void cancel(BackgroundTasks.Task t) {
    if (t != null) {
      t.cancel();
    }
  }
}
