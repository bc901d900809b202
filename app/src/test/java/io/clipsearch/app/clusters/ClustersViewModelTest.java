package io.clipsearch.app.clusters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.api.types.ClusterImage;
import io.clipsearch.api.types.ClusterInfo;
import io.clipsearch.api.types.ClusterLabel;
import io.clipsearch.api.types.ClusterList;
import io.clipsearch.api.types.CollectionMapView;
import io.clipsearch.api.types.MapPointInfo;
import io.clipsearch.app.net.ApiException;
import io.clipsearch.app.net.ServerUnreachableException;
import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.ManualDelay;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The clusters view-model without a display: a hand-driven clock and worker queue. */
class ClustersViewModelTest {

  record MapCall(String collection, double[] bbox, int limit) {}

  static final class FakeService implements ClusterClient {
    final List<String> clusterCalls = new ArrayList<>();
    final List<MapCall> mapCalls = new ArrayList<>();
    int recomputes;
    long documents = 30;
    List<ClusterInfo> clusters = List.of(cluster(3, 20, "beach"), cluster(1, 10, "dog"));
    RuntimeException failure;

    @Override
    public ClusterList clusters(String collection) {
      clusterCalls.add(collection);
      if (failure != null) {
        throw failure;
      }
      return new ClusterList(collection, "tiny", documents, clusters.size(), true, 0.3, clusters);
    }

    @Override
    public ClusterList recompute(String collection) {
      recomputes++;
      return new ClusterList(
          collection, "tiny", documents, 1, true, null, List.of(cluster(0, 30, "all")));
    }

    @Override
    public CollectionMapView map(String collection, double[] bbox, int limit) {
      mapCalls.add(new MapCall(collection, bbox, limit));
      if (failure != null) {
        throw failure;
      }
      List<MapPointInfo> points =
          IntStream.range(0, (int) Math.min(documents, limit))
              .mapToObj(i -> new MapPointInfo("id" + i, i / 30f, i / 30f, i % 2 == 0 ? 3 : 1))
              .toList();
      return new CollectionMapView(collection, "umap", (int) documents, (int) documents, points);
    }
  }

  static ClusterInfo cluster(int id, int size, String label) {
    return new ClusterInfo(
        id,
        size,
        List.of(new ClusterLabel(label, 0.27), new ClusterLabel("other", 0.2)),
        List.of(
            new ClusterImage(
                "r" + id, "/p/r" + id + ".jpg", "/api/images/r" + id + "/thumbnail?collection=c")));
  }

  final FakeService service = new FakeService();
  final Deque<Runnable> workers = new ArrayDeque<>();
  final ManualDelay clock = new ManualDelay();
  final ClustersViewModel vm =
      new ClustersViewModel(service, new BackgroundTasks(workers::add, Runnable::run), clock);
  int changes;

  {
    vm.addListener(() -> changes++);
  }

  void runWorkers() {
    while (!workers.isEmpty()) {
      workers.poll().run();
    }
  }

  @Test
  void showingLoadsClustersAndTheWholeMapOnce() {
    vm.setCollection("photos");
    vm.showing();
    assertEquals(ClustersViewModel.ClusterLoad.LOADING, vm.clustersStatus());
    assertEquals(ClustersViewModel.ClusterLoad.LOADING, vm.mapStatus());
    runWorkers();
    assertEquals(List.of("photos"), service.clusterCalls);
    assertEquals(1, service.mapCalls.size());
    assertNull(service.mapCalls.getFirst().bbox(), "the whole map: no bbox");
    assertEquals(ClustersViewModel.DEFAULT_LIMIT, service.mapCalls.getFirst().limit());
    assertEquals(ClustersViewModel.ClusterLoad.DONE, vm.clustersStatus());
    assertEquals(2, vm.clusters().size());
    assertNull(vm.clustersMessage());
    assertEquals(30, vm.points().size());
    assertEquals("beach", ClustersViewModel.name(vm.clusters().getFirst()));

    vm.showing(); // nothing stale: no reload
    runWorkers();
    assertEquals(1, service.clusterCalls.size());
    vm.invalidate(); // indexing finished
    vm.showing();
    runWorkers();
    assertEquals(2, service.clusterCalls.size());
    assertTrue(changes > 0);
  }

  @Test
  void selectionSurvivesAReloadAndIsCleared() {
    vm.refresh();
    runWorkers();
    vm.select(1);
    assertEquals(1, vm.selectedClusterId());
    assertEquals("dog", ClustersViewModel.name(vm.selectedCluster()));
    service.clusters = List.of(cluster(1, 12, "dog"), cluster(3, 18, "beach"));
    vm.refresh();
    runWorkers();
    assertEquals(0, vm.selectedIndex(), "the same cluster number stays selected");
    vm.select(7);
    assertEquals(-1, vm.selectedIndex());
    assertNull(vm.selectedCluster());
    assertNotNull(vm.clusterById(3));
  }

  @Test
  void emptyCollectionAndNoClustersSaySo() {
    service.documents = 0;
    service.clusters = List.of();
    vm.refresh();
    runWorkers();
    assertEquals(ClustersViewModel.ClusterLoad.DONE, vm.clustersStatus());
    assertTrue(vm.clustersMessage().contains("no photos yet"), vm.clustersMessage());
    assertTrue(vm.mapMessage().contains("no photos"), vm.mapMessage());

    service.documents = 5;
    vm.refresh();
    runWorkers();
    assertTrue(vm.clustersMessage().contains("No clusters yet"), vm.clustersMessage());
  }

  @Test
  void errorsBecomeMessagesNotStackTraces() {
    service.failure = new ApiException(new ApiError(404, "not_found", "no collection nope"));
    vm.setCollection("nope");
    vm.refresh();
    runWorkers();
    assertEquals(ClustersViewModel.ClusterLoad.FAILED, vm.clustersStatus());
    assertTrue(vm.clustersMessage().contains("no collection “nope”"), vm.clustersMessage());
    assertEquals(ClustersViewModel.ClusterLoad.FAILED, vm.mapStatus());

    List<String> lost = new ArrayList<>();
    vm.onConnectionLost(e -> lost.add(e.getMessage()));
    service.failure =
        new ServerUnreachableException(
            URI.create("http://127.0.0.1:1"), new IOException("refused"));
    vm.refresh();
    runWorkers();
    assertTrue(vm.clustersMessage().contains("cannot be reached"), vm.clustersMessage());
    assertEquals(2, lost.size(), "clusters and map both report the lost connection");
  }

  @Test
  void viewportChangesFetchTheVisibleBoxOnceAfterThePause() {
    vm.refresh();
    runWorkers();
    assertEquals(1, service.mapCalls.size());
    MapViewport v = vm.viewport();
    for (int i = 0; i < 5; i++) { // a burst of wheel events
      v = v.zoom(0.8, 0.25, 0.25);
      vm.setViewport(v);
      clock.advance(Duration.ofMillis(50));
    }
    assertTrue(workers.isEmpty(), "no request while zooming");
    clock.advance(ClustersViewModel.MAP_DEBOUNCE);
    runWorkers();
    assertEquals(2, service.mapCalls.size(), "one request for the burst");
    double[] bbox = service.mapCalls.get(1).bbox();
    assertNotNull(bbox);
    assertEquals(v.minX(), bbox[0], 1e-9);
    assertEquals(v.maxY(), bbox[3], 1e-9);
    assertTrue(bbox[2] - bbox[0] < 0.4, "zoomed in");
    assertEquals(v, vm.mapBox());

    vm.setLimit(500); // a smaller window: fewer points
    clock.advance(ClustersViewModel.MAP_DEBOUNCE);
    runWorkers();
    assertEquals(500, service.mapCalls.getLast().limit());
    vm.resetViewport();
    clock.advance(ClustersViewModel.MAP_DEBOUNCE);
    runWorkers();
    assertNull(service.mapCalls.getLast().bbox());
  }

  @Test
  void aNewViewportCancelsTheRequestInFlight() {
    vm.refresh();
    runWorkers();
    vm.setViewport(vm.viewport().zoom(0.5, 0.5, 0.5));
    clock.advance(ClustersViewModel.MAP_DEBOUNCE);
    assertEquals(1, workers.size(), "a request queued");
    Runnable stale = workers.poll();
    vm.setViewport(vm.viewport().pan(0.1, 0));
    clock.advance(ClustersViewModel.MAP_DEBOUNCE);
    stale.run(); // cancelled: delivers nothing
    runWorkers();
    assertEquals(vm.viewport(), vm.mapBox(), "the points are those of the last viewport");
  }

  @Test
  void recomputeReloadsTheMapAndHoverIsTracked() {
    vm.refresh();
    runWorkers();
    MapPointInfo p = vm.points().get(2);
    vm.hover(p);
    assertEquals(p, vm.hovered());
    vm.recompute();
    runWorkers();
    assertEquals(1, service.recomputes);
    assertEquals(1, vm.clusters().size());
    assertEquals(2, service.mapCalls.size(), "new cluster numbers: the map is fetched again");
    vm.hover(null);
    assertNull(vm.hovered());
  }

  @Test
  void viewportZoomsAroundThePointAndStaysOnTheMap() {
    MapViewport all = MapViewport.ALL;
    assertTrue(all.isAll());
    assertNull(all.bbox());
    MapViewport in = all.zoom(0.5, 0.2, 0.2);
    assertEquals(all.width() * 0.5, in.width(), 1e-9);
    // the point under the cursor stays at the same relative place
    assertEquals((0.2 - all.minX()) / all.width(), (0.2 - in.minX()) / in.width(), 1e-9);
    MapViewport panned = in.pan(-5, -5);
    assertEquals(all.minX(), panned.minX(), 1e-9, "stops at the edge");
    assertArrayEquals(new double[] {0, 0, panned.maxX(), panned.maxY()}, panned.bbox(), 1e-9);
    MapViewport deep = all;
    for (int i = 0; i < 100; i++) {
      deep = deep.zoom(0.5, 0.5, 0.5);
    }
    assertEquals(MapViewport.MIN_SIZE, deep.width(), 1e-12);
    assertTrue(deep.zoom(1e6, 0.5, 0.5).isAll(), "zooming out stops at the whole map");
  }
}
