package io.clipsearch.app.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.api.types.PlaceInfo;
import io.clipsearch.api.types.PlaceList;
import io.clipsearch.app.net.ApiException;
import io.clipsearch.app.net.ServerUnreachableException;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The places map's state without a display: a hand-driven worker queue and a paging fake server.
 */
class PlacesViewModelTest {

  /** A server with {@code total} places, answering pages as the real one does. */
  static final class FakeService implements PlaceClient {
    final List<String> calls = new ArrayList<>();
    int total = 2500;
    RuntimeException failure;

    @Override
    public PlaceList places(String collection, int offset, int limit) {
      calls.add(collection + "@" + offset + "+" + limit);
      if (failure != null) {
        throw failure;
      }
      List<PlaceInfo> page =
          IntStream.range(offset, Math.min(total, offset + limit))
              .mapToObj(i -> new PlaceInfo("id" + i, i % 180 - 89.5, i % 360 - 179.5))
              .toList();
      return new PlaceList(collection, total, page);
    }
  }

  final FakeService service = new FakeService();
  final Deque<Runnable> workers = new ArrayDeque<>();
  final PlacesViewModel vm =
      new PlacesViewModel(service, new BackgroundTasks(workers::add, Runnable::run));

  @Test
  void showingLoadsEveryPageInOneBackgroundTask() {
    vm.setCollection("trips");
    vm.showing();
    assertEquals(PlacesViewModel.PlacesLoad.LOADING, vm.status());
    assertEquals("Loading places…", vm.message());
    assertEquals(1, workers.size());
    workers.poll().run();
    assertEquals(List.of("trips@0+1000", "trips@1000+1000", "trips@2000+1000"), service.calls);
    assertEquals(PlacesViewModel.PlacesLoad.DONE, vm.status());
    assertEquals(2500, vm.places().size());
    assertTrue(vm.message().startsWith("2,500 photos with a position"), vm.message());

    vm.showing();
    assertTrue(workers.isEmpty(), "loaded and not stale: not again");
    vm.invalidate();
    vm.showing();
    assertEquals(1, workers.size(), "indexing finished: loads again when shown");
  }

  @Test
  void aHugeCollectionIsCappedAndSaysSo() {
    service.total = PlacesViewModel.MAX_PLACES + 5;
    vm.showing();
    workers.poll().run();
    assertEquals(PlacesViewModel.MAX_PLACES, vm.places().size());
    assertTrue(
        vm.message().startsWith("50,000 of 50,005 photos with a position shown"), vm.message());
  }

  @Test
  void aCollectionWithoutGpsSaysWhyTheMapIsEmpty() {
    service.total = 0;
    vm.showing();
    workers.poll().run();
    assertEquals(List.of("default@0+1000"), service.calls);
    assertTrue(vm.message().startsWith("No photo in “default” has a GPS position."), vm.message());
  }

  @Test
  void failuresAreSaidPlainlyAndTheConnectionMonitorIsTold() {
    List<String> lost = new ArrayList<>();
    vm.onConnectionLost(e -> lost.add(e.getMessage()));
    service.failure = new ApiException(new ApiError(404, "not_found", "no collection default"));
    vm.showing();
    workers.poll().run();
    assertEquals(PlacesViewModel.PlacesLoad.FAILED, vm.status());
    assertEquals("Nothing is indexed yet: add a photo folder in Collections.", vm.message());

    service.failure =
        new ServerUnreachableException(
            URI.create("http://localhost:1"), new IOException("refused"));
    vm.showing(); // a failure leaves the data stale: the next showing tries again
    workers.poll().run();
    assertEquals("The search engine cannot be reached.", vm.message());
    assertEquals(1, lost.size());
  }

  @Test
  void anotherCollectionDropsThePlacesAndTheViewAndCancelsTheLoad() {
    vm.setView(new GeoView(2, 48, 50));
    vm.showing();
    Runnable stale = workers.poll();
    vm.setCollection("other");
    stale.run(); // the old collection's answer arrives after the switch
    assertEquals(PlacesViewModel.PlacesLoad.IDLE, vm.status());
    assertEquals(List.of(), vm.places());
    assertEquals(GeoView.WORLD, vm.view());
  }
}
