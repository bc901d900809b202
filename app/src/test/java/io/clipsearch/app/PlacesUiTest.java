package io.clipsearch.app;

import static io.clipsearch.app.EmbeddedAppUiTest.await;
import static io.clipsearch.app.EmbeddedAppUiTest.call;
import static io.clipsearch.app.EmbeddedAppUiTest.onEdt;
import static io.clipsearch.app.EmbeddedAppUiTest.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.places.GeoView;
import io.clipsearch.app.places.PlaceCluster;
import io.clipsearch.app.places.PlacesMap;
import io.clipsearch.app.places.PlacesViewModel;
import io.clipsearch.app.search.SearchState;
import io.clipsearch.app.settings.AppSettings;
import java.awt.GraphicsEnvironment;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Places" tab end to end (on Xvfb): embedded server with tiny-clip, sample photos given GPS
 * positions (six around Paris, three in Sydney, one in New York) and two without, indexed; the map
 * clusters them, a click on the Paris cluster shows exactly its six photos in the results grid, the
 * wheel zooms until Paris splits, a drag pans. Screenshot target/screenshots/places.png.
 */
class PlacesUiTest {

  @TempDir Path temp;

  @Test
  void photosOnTheMapOpenInTheGrid() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display (Xvfb missing): UI test skipped");
    Path shared = EmbeddedAppUiTest.sharedFolder();
    List<Path> jpegs;
    try (Stream<Path> s = Files.walk(shared.resolve("sample-images"))) {
      jpegs = s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(12).toList();
    }
    Path photos = temp.resolve("photos");
    double[][] paris = {
      {48.8606, 2.3376},
      {48.8530, 2.3499},
      {48.8584, 2.2945},
      {48.8867, 2.3431},
      {48.8462, 2.3371},
      {48.8738, 2.2950}
    };
    for (int i = 0; i < paris.length; i++) {
      CameraPhotos.withPosition(
          jpegs.get(i),
          photos.resolve("paris").resolve(jpegs.get(i).getFileName()),
          paris[i][0],
          paris[i][1]);
    }
    double[][] sydney = {{-33.8568, 151.2153}, {-33.8523, 151.2108}, {-33.8908, 151.2743}};
    for (int i = 0; i < sydney.length; i++) {
      Path jpeg = jpegs.get(6 + i);
      CameraPhotos.withPosition(
          jpeg, photos.resolve("sydney").resolve(jpeg.getFileName()), sydney[i][0], sydney[i][1]);
    }
    CameraPhotos.withPosition(
        jpegs.get(9),
        photos.resolve("new-york").resolve(jpegs.get(9).getFileName()),
        40.7484,
        -73.9857);
    for (Path jpeg : jpegs.subList(10, 12)) {
      Files.createDirectories(photos.resolve("no-gps"));
      Files.copy(jpeg, photos.resolve("no-gps").resolve(jpeg.getFileName()));
    }

    EmbeddedAppUiTest.Launched app =
        EmbeddedAppUiTest.launch(
            shared, temp.resolve("data"), AppSettings.load(temp.resolve("config")));
    MainWindow window = app.window();
    EmbeddedAppUiTest.index(window, photos, 12);

    // the Places tab loads the positions of the photos that have one
    onEdt(() -> window.tabs().setSelectedComponent(window.placesPanel()));
    PlacesViewModel places = call(() -> window.placesPanel().model());
    await(
        "the places",
        Duration.ofSeconds(60),
        () -> places.status() == PlacesViewModel.PlacesLoad.DONE);
    assertEquals(
        10, call(() -> places.places().size()), "the two photos without GPS are on no map");
    assertTrue(call(() -> window.placesPanel().message()).startsWith("10 photos with a position"));
    PlacesMap map = call(() -> window.placesPanel().map());
    List<PlaceCluster> world = call(map::clusters);
    assertEquals(
        List.of(6, 3, 1),
        world.stream().map(PlaceCluster::count).toList(),
        "Paris, Sydney, New York");
    screenshot(window, "places");

    // the wheel zooms in around Paris until its photos are dots of their own; a drag moves the map
    PlaceCluster parisCluster = world.getFirst();
    for (int i = 0; i < 12; i++) {
      onEdt(
          () ->
              map.dispatchEvent(
                  new MouseWheelEvent(
                      map,
                      MouseEvent.MOUSE_WHEEL,
                      System.currentTimeMillis(),
                      0,
                      (int) parisCluster.x(),
                      (int) parisCluster.y(),
                      0,
                      false,
                      MouseWheelEvent.WHEEL_UNIT_SCROLL,
                      1,
                      -1)));
    }
    assertTrue(call(() -> places.view().zoom()) > 100, "zoomed: " + call(places::view));
    assertTrue(call(map::clusters).size() > 1, "Paris splits into several dots when zoomed in");
    GeoView beforeDrag = call(places::view);
    onEdt(
        () -> {
          map.dispatchEvent(
              new MouseEvent(
                  map,
                  MouseEvent.MOUSE_PRESSED,
                  0,
                  InputEvent.BUTTON1_DOWN_MASK,
                  200,
                  200,
                  1,
                  false,
                  MouseEvent.BUTTON1));
          map.dispatchEvent(
              new MouseEvent(
                  map,
                  MouseEvent.MOUSE_DRAGGED,
                  0,
                  InputEvent.BUTTON1_DOWN_MASK,
                  260,
                  230,
                  1,
                  false,
                  MouseEvent.BUTTON1));
          map.dispatchEvent(
              new MouseEvent(
                  map, MouseEvent.MOUSE_RELEASED, 0, 0, 260, 230, 1, false, MouseEvent.BUTTON1));
        });
    assertNotEquals(
        beforeDrag.centerLon(),
        call(() -> places.view().centerLon()),
        "dragged right: the map moved");
    assertTrue(
        call(() -> places.view().centerLat()) > beforeDrag.centerLat(),
        "dragged down: north comes into view");

    // back to the whole world; a click on the Paris cluster shows exactly its photos in the grid
    onEdt(() -> EmbeddedAppUiTest.button(window.placesPanel(), "wholeWorld").doClick());
    assertEquals(GeoView.WORLD, call(places::view));
    onEdt(
        () -> {
          int x = (int) Math.round(parisCluster.x());
          int y = (int) Math.round(parisCluster.y());
          map.dispatchEvent(
              new MouseEvent(
                  map,
                  MouseEvent.MOUSE_PRESSED,
                  0,
                  InputEvent.BUTTON1_DOWN_MASK,
                  x,
                  y,
                  1,
                  false,
                  MouseEvent.BUTTON1));
          map.dispatchEvent(
              new MouseEvent(
                  map, MouseEvent.MOUSE_RELEASED, 0, 0, x, y, 1, false, MouseEvent.BUTTON1));
          map.dispatchEvent(
              new MouseEvent(
                  map, MouseEvent.MOUSE_CLICKED, 0, 0, x, y, 1, false, MouseEvent.BUTTON1));
        });
    await(
        "the photos taken in Paris",
        Duration.ofSeconds(60),
        () ->
            window.searchModel().state().place() != null
                && window.searchModel().state().status() == SearchState.SearchPhase.DONE);
    assertEquals(0, call(() -> window.tabs().getSelectedIndex()), "the results grid shows them");
    List<SearchResultHit> hits = call(() -> window.searchModel().state().hits());
    assertEquals(6, hits.size());
    for (SearchResultHit h : hits) {
      assertTrue(h.path().contains("/paris/"), h.path());
    }
    assertEquals(6, call(() -> window.results().grid().getModel().getSize()));
    assertTrue(
        call(() -> window.statusLine().getText()).startsWith("6 photos taken near 48."),
        call(() -> window.statusLine().getText()));
    assertTrue(
        call(() -> EmbeddedAppUiTest.button(window, "exampleChip").isShowing()),
        "the bar says where the photos come from");
    screenshot(window, "places-photos");

    // the chip's × goes back to the whole collection
    onEdt(() -> EmbeddedAppUiTest.button(window, "exampleChip").doClick());
    await(
        "the whole collection",
        Duration.ofSeconds(60),
        () ->
            window.searchModel().state().browsing()
                && window.searchModel().state().place() == null
                && window.searchModel().state().hits().size() == 12);

    app.app().close();
    assertTrue(app.closed().await(60, TimeUnit.SECONDS), "the app closes and stops its server");
  }
}
