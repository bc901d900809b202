package io.clipsearch.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.api.types.ImageDetails;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.net.ApiException;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The detail view's loading without a display: a hand-driven worker queue, a fake server with real
 * PNG bytes (decoded and turned upright by the view model, as in the app).
 */
class DetailViewModelTest {

  /** Photos 40×20; "gone" answers 404 as a moved file does; credits as {@code credit} says. */
  static final class FakeSource implements PhotoSource {
    final List<String> asked = new ArrayList<>();
    Map<String, Integer> orientation = Map.of("b", 6);
    Map<String, String> credit = Map.of();

    @Override
    public ImageDetails details(String id, String collection) {
      asked.add(collection + "/" + id);
      if (id.equals("gone")) {
        throw new ApiException(new ApiError(404, "not_found", "no such file"));
      }
      return new ImageDetails(
          id,
          "/p/" + id + ".png",
          100,
          40,
          20,
          Instant.EPOCH,
          null,
          "Canon",
          "Canon EOS R5",
          null,
          null,
          null,
          orientation.getOrDefault(id, 1),
          List.of(),
          null,
          credit.get(id),
          List.of());
    }

    final List<String> fetched = new ArrayList<>();

    @Override
    public byte[] bytes(String relativeUrl) {
      fetched.add(relativeUrl);
      try {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  final FakeSource source = new FakeSource();
  final Deque<Runnable> workers = new ArrayDeque<>();
  final DetailViewModel vm =
      new DetailViewModel(source, new BackgroundTasks(workers::add, Runnable::run), 1600);
  final List<SearchResultHit> hits = List.of(hit("a"), hit("b"), hit("gone"));

  static SearchResultHit hit(String id) {
    return hit(id, "/p/" + id + ".png");
  }

  static SearchResultHit hit(String id, String path) {
    return new SearchResultHit(
        id,
        path,
        0.3,
        true,
        false,
        null,
        100,
        40,
        20,
        null,
        "/api/images/" + id + "/thumbnail",
        "/api/images/" + id);
  }

  @Test
  void showingAResultLoadsItsDetailsAndPhotoOnAWorker() {
    List<DetailViewModel.PhotoLoad> seen = new ArrayList<>();
    vm.addListener(() -> seen.add(vm.status()));

    vm.show(hits, "trips", 0);

    assertEquals(DetailViewModel.PhotoLoad.LOADING, vm.status());
    assertNull(vm.details(), "nothing before the worker ran");
    assertEquals(1, workers.size());
    workers.poll().run();
    assertEquals(DetailViewModel.PhotoLoad.SHOWN, vm.status());
    assertEquals(List.of("trips/a"), source.asked);
    assertEquals("Canon", vm.details().cameraMake());
    assertEquals(40, vm.image().getWidth());
    assertEquals(List.of(DetailViewModel.PhotoLoad.LOADING, DetailViewModel.PhotoLoad.SHOWN), seen);
  }

  @Test
  void thePhotoIsTurnedUprightByItsExifOrientation() {
    vm.show(hits, "trips", 1);
    workers.poll().run();
    assertEquals(20, vm.image().getWidth(), "orientation 6: a quarter turn, 40×20 becomes 20×40");
    assertEquals(40, vm.image().getHeight());
  }

  @Test
  void aHeicOrRawPhotoIsFetchedAsTheServersUprightJpegAndNotTurnedAgain() {
    vm.show(List.of(hit("b", "/p/IMG_1.HEIC")), "trips", 0);
    workers.poll().run();
    assertEquals(List.of("/api/images/b?format=jpeg"), source.fetched);
    assertEquals(40, vm.image().getWidth(), "the rendering is upright: orientation 6 not applied");
  }

  @Test
  void aNewerSelectionCancelsTheOlderLoad() {
    vm.show(hits, "trips", 0);
    Runnable older = workers.poll();
    vm.step(1);
    older.run(); // the slow first photo arrives after the user moved on
    assertEquals(1, vm.index());
    assertEquals(DetailViewModel.PhotoLoad.LOADING, vm.status(), "the older photo is not shown");
    workers.poll().run();
    assertEquals("b", vm.details().id());
  }

  @Test
  void previousAndNextStopAtTheEnds() {
    vm.show(hits, "trips", 0);
    assertFalse(vm.hasPrevious());
    vm.step(-1);
    assertEquals(0, vm.index());
    vm.step(1);
    vm.step(1);
    assertEquals(2, vm.index());
    assertFalse(vm.hasNext());
    vm.step(1);
    assertEquals(2, vm.index());
  }

  @Test
  void aPhotoWhoseFolderWasRenamedSaysSoInsteadOfLoadingForever() {
    vm.show(hits, "trips", 2);
    workers.poll().run();
    assertEquals(DetailViewModel.PhotoLoad.FAILED, vm.status());
    assertTrue(vm.problem().contains("renamed or moved"), vm.problem());
    assertNull(vm.image());
  }
}
