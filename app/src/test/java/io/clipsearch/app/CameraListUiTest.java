package io.clipsearch.app;

import static io.clipsearch.app.EmbeddedAppUiTest.await;
import static io.clipsearch.app.EmbeddedAppUiTest.call;
import static io.clipsearch.app.EmbeddedAppUiTest.onEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.search.SearchState;
import io.clipsearch.app.settings.AppSettings;
import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.swing.JMenuItem;
import javax.swing.JPopupMenu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The camera pick list in a real window (on Xvfb): photos from two cameras (one whose model repeats
 * its make, as Canon writes it) and two without EXIF, indexed; the list offers each camera once, as
 * people write it, and a click on one filters the results to its photos.
 */
class CameraListUiTest {

  @TempDir Path temp;

  @Test
  void theCameraListOffersTheCollectionsCamerasAndFiltersByOne() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display (Xvfb missing): UI test skipped");
    Path shared = EmbeddedAppUiTest.sharedFolder();
    List<Path> jpegs;
    try (Stream<Path> s = Files.walk(shared.resolve("sample-images"))) {
      jpegs = s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(7).toList();
    }
    Path photos = temp.resolve("photos");
    for (int i = 0; i < 3; i++) {
      CameraPhotos.withCamera(
          jpegs.get(i),
          photos.resolve("canon").resolve(jpegs.get(i).getFileName()),
          "Canon",
          "Canon EOS R5");
    }
    for (int i = 3; i < 5; i++) {
      CameraPhotos.withCamera(
          jpegs.get(i),
          photos.resolve("fuji").resolve(jpegs.get(i).getFileName()),
          "FUJIFILM",
          "X-T4");
    }
    Files.createDirectories(photos.resolve("plain"));
    for (int i = 5; i < 7; i++) {
      Files.copy(jpegs.get(i), photos.resolve("plain").resolve(jpegs.get(i).getFileName()));
    }
    EmbeddedAppUiTest.Launched app =
        EmbeddedAppUiTest.launch(
            shared, temp.resolve("data"), AppSettings.load(temp.resolve("config")));
    MainWindow window = app.window();
    EmbeddedAppUiTest.index(window, photos, 7);
    await("the camera list", Duration.ofSeconds(30), () -> !window.filters().cameras().isEmpty());

    onEdt(
        () -> {
          EmbeddedAppUiTest.setChecked(window, "weakMatches", true);
          window.searchBar().field().setText("a photo");
        });
    await(
        "every photo",
        Duration.ofSeconds(60),
        () -> done(window) && window.searchModel().state().hits().size() == 7);

    // the ▾ button opens the list: each camera once, the make not repeated
    onEdt(() -> EmbeddedAppUiTest.button(window.filters(), "pickCamera").doClick());
    AtomicReference<JPopupMenu> menu = new AtomicReference<>();
    await(
        "the camera list to open",
        Duration.ofSeconds(10),
        () -> {
          menu.set(showingPopup());
          return menu.get() != null;
        });
    List<JMenuItem> items = call(() -> items(menu.get()));
    assertEquals(
        List.of("Canon EOS R5", "FUJIFILM X-T4"), items.stream().map(JMenuItem::getText).toList());

    // one click filters by that camera
    onEdt(() -> items.get(1).doClick());
    await(
        "the FUJIFILM photos",
        Duration.ofSeconds(60),
        () -> done(window) && "FUJIFILM X-T4".equals(window.searchModel().filters().camera()));
    List<SearchResultHit> hits = call(() -> window.searchModel().state().hits());
    assertEquals(2, hits.size(), hits.toString());
    for (SearchResultHit h : hits) {
      assertTrue(h.path().contains("/fuji/"), h.path());
    }

    app.app().close();
    assertTrue(app.closed().await(60, TimeUnit.SECONDS), "the app closes and stops its server");
  }

  private static boolean done(MainWindow w) {
    return w.searchModel().state().status() == SearchState.SearchPhase.DONE;
  }

  /** The popup menu on screen (in a window's layered pane, or a window of its own), or null. */
  private static JPopupMenu showingPopup() {
    for (Window w : Window.getWindows()) {
      JPopupMenu found = popupIn(w);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static JPopupMenu popupIn(Container root) {
    for (Component c : root.getComponents()) {
      if (c instanceof JPopupMenu p && p.isShowing()) {
        return p;
      }
      if (c instanceof Container k) {
        JPopupMenu found = popupIn(k);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static List<JMenuItem> items(JPopupMenu menu) {
    List<JMenuItem> items = new ArrayList<>();
    for (Component c : menu.getComponents()) {
      if (c instanceof JMenuItem i) {
        items.add(i);
      }
    }
    return items;
  }
}
