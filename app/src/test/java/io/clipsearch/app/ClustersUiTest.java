package io.clipsearch.app;

import static io.clipsearch.app.EmbeddedAppUiTest.await;
import static io.clipsearch.app.EmbeddedAppUiTest.call;
import static io.clipsearch.app.EmbeddedAppUiTest.onEdt;
import static io.clipsearch.app.EmbeddedAppUiTest.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.clipsearch.api.types.ClusterImage;
import io.clipsearch.api.types.MapPointInfo;
import io.clipsearch.app.clusters.ClustersProbe;
import io.clipsearch.app.clusters.ClustersViewModel;
import io.clipsearch.app.connection.AppOptions;
import io.clipsearch.app.search.SearchState;
import io.clipsearch.app.settings.AppSettings;
import java.awt.Component;
import java.awt.GraphicsEnvironment;
import java.awt.event.MouseEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Clusters & map" tab end to end (on Xvfb): embedded server with tiny-clip, the sample photos
 * indexed, clusters and map points loaded, a zoom and a hover, a "more like this" from a
 * representative. Screenshots target/screenshots/clusters.png and map.png.
 */
class ClustersUiTest {

  @TempDir Path temp;

  @Test
  void clustersAndMap() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display (Xvfb missing): UI test skipped");
    Path shared = EmbeddedAppUiTest.sharedFolder();
    Path model = shared.resolve("clip-fixtures/tiny-clip");
    List<Path> jpegs;
    try (Stream<Path> s = Files.walk(shared.resolve("sample-images"))) {
      jpegs = s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(20).toList();
    }
    Path photos = temp.resolve("photos");
    Files.createDirectories(photos);
    for (Path jpeg : jpegs) {
      Files.copy(jpeg, photos.resolve(jpeg.getFileName()));
    }
    AppSettings settings = AppSettings.load(temp.resolve("config"));
    AppOptions options =
        new AppOptions(
            model,
            temp.resolve("data"),
            null,
            null,
            false,
            null,
            null,
            Duration.ofSeconds(90),
            "light");
    CountDownLatch closed = new CountDownLatch(1);
    AtomicReference<AppLauncher.RunningApp> app = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          Theme.install("light");
          app.set(AppLauncher.launch(options, settings, closed::countDown));
        });
    MainWindow window = (MainWindow) app.get().window();
    await(
        "the embedded server to start",
        Duration.ofSeconds(120),
        () -> window.searchModel() != null);

    // before indexing: the tab says there is nothing yet, no stack trace
    onEdt(() -> window.tabs().setSelectedComponent(window.clustersPanel()));
    ClustersViewModel clusters = call(() -> window.clustersPanel().model());
    await(
        "the empty-collection answer",
        Duration.ofSeconds(60),
        () ->
            clusters.clustersStatus() == ClustersViewModel.ClusterLoad.DONE
                || clusters.clustersStatus() == ClustersViewModel.ClusterLoad.FAILED);
    String empty = call(clusters::clustersMessage);
    assertTrue(empty != null && !empty.contains("Exception"), "a plain message: " + empty);

    onEdt(
        () -> {
          window.tabs().setSelectedIndex(1);
          window.collectionsModel().addFolder("default", photos.toString());
        });
    await(
        "indexing to finish",
        Duration.ofSeconds(180),
        () ->
            window.collectionsModel().lastJobId() != null
                && window.collectionsModel().jobId() == null
                && !window.collectionsModel().collections().isEmpty()
                && window.collectionsModel().collections().getFirst().documents() == 20);

    onEdt(() -> window.tabs().setSelectedComponent(window.clustersPanel()));
    await(
        "clusters",
        Duration.ofSeconds(120),
        () ->
            clusters.clustersStatus() == ClustersViewModel.ClusterLoad.DONE
                && !clusters.clusters().isEmpty()
                && window.clustersPanel().cardCount() == clusters.clusters().size());
    await(
        "map points",
        Duration.ofSeconds(120),
        () ->
            clusters.mapStatus() == ClustersViewModel.ClusterLoad.DONE
                && clusters.points().size() == 20);
    assertEquals(20, call(() -> clusters.clusters().stream().mapToInt(c -> c.size()).sum()));
    assertTrue(
        call(() -> ClustersProbe.limit(clusters)) >= 500, "level of detail from the map's size");
    onEdt(() -> clusters.select(0));
    Thread.sleep(2000); // representative thumbnails arrive asynchronously (test thread only)
    screenshot(window, "clusters");
    onEdt(() -> window.setSize(900, 600));
    Thread.sleep(1500);
    screenshot(window, "clusters-900");

    // zoom in around the first cluster's points, then hover one
    MapPointInfo first =
        call(
            () ->
                clusters.points().stream()
                    .filter(p -> p.cluster() == clusters.selectedClusterId())
                    .findFirst()
                    .orElseThrow());
    onEdt(() -> clusters.setViewport(clusters.viewport().zoom(0.6, first.x(), first.y())));
    await(
        "the zoomed box",
        Duration.ofSeconds(30),
        () ->
            clusters.mapStatus() == ClustersViewModel.ClusterLoad.DONE
                && clusters.viewport().equals(ClustersProbe.mapBox(clusters)));
    assertTrue(call(() -> clusters.mapView().inBox()) <= 20);
    MapPointInfo hover =
        call(
            () ->
                clusters.points().stream()
                    .filter(p -> p.id().equals(first.id()))
                    .findFirst()
                    .orElse(clusters.points().getFirst()));
    onEdt(() -> clusters.hover(hover));
    screenshot(window, "map"); // painting requests the hover thumbnail
    Thread.sleep(1500);
    screenshot(window, "map");

    // a click on a representative asks for "more like this": a like: search
    ClusterImage representative =
        call(() -> clusters.clusters().getFirst().representatives().getFirst());
    onEdt(
        () -> {
          Component thumb =
              EmbeddedAppUiTest.find(
                  window.clustersPanel(), "representative-" + representative.id());
          thumb.dispatchEvent(
              new MouseEvent(
                  thumb,
                  MouseEvent.MOUSE_CLICKED,
                  System.currentTimeMillis(),
                  0,
                  4,
                  4,
                  1,
                  false,
                  MouseEvent.BUTTON1));
        });
    await(
        "the like: search",
        Duration.ofSeconds(60),
        () ->
            window.searchModel().state().status() == SearchState.SearchPhase.DONE
                && window.searchModel().state().query().equals("like:" + representative.id()));
    assertEquals(0, call(() -> window.tabs().getSelectedIndex()));
    assertEquals(
        "",
        call(() -> window.searchBar().field().getText()),
        "no raw like:<hash> in the search box");
    assertTrue(
        call(() -> EmbeddedAppUiTest.button(window, "exampleChip").isShowing()),
        "the bar says what the search is like");
    assertTrue(
        call(() -> window.searchModel().state().hits().size()) > 1,
        "more than the photo itself: " + call(() -> window.searchModel().state().hits().size()));

    app.get().close();
    assertTrue(closed.await(60, TimeUnit.SECONDS), "the app closes and stops its server");
  }
}
