package io.clipsearch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.connection.AppOptions;
import io.clipsearch.app.detail.DetailProbe;
import io.clipsearch.app.detail.FullScreenViewer;
import io.clipsearch.app.kiosk.KioskWindow;
import io.clipsearch.app.search.SearchState;
import io.clipsearch.app.settings.AppSettings;
import io.clipsearch.app.ui.EdtAwait;
import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JSlider;
import javax.swing.JTextField;
import javax.swing.RootPaneContainer;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app end to end in real windows (on Xvfb): embedded server with the tiny-clip model, ~20
 * sample photos indexed through the collections flow, a typed query, a detail view, a folder
 * filter, then kiosk mode's attract screen. Screenshots go to target/screenshots.
 */
class EmbeddedAppUiTest {

  @TempDir Path temp;

  @Test
  void searchDetailFilterCollectionsAndKiosk() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display (Xvfb missing): UI test skipped");
    Path shared = sharedFolder();
    Path model = shared.resolve("clip-fixtures/tiny-clip");
    List<Path> jpegs;
    try (Stream<Path> s = Files.walk(shared.resolve("sample-images"))) {
      jpegs = s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(20).toList();
    }
    Path photos = temp.resolve("photos");
    for (int i = 0; i < jpegs.size(); i++) {
      Path target = photos.resolve(i < 8 ? "trip" : "home").resolve(jpegs.get(i).getFileName());
      Files.createDirectories(target.getParent());
      Files.copy(jpegs.get(i), target);
    }
    Path data = temp.resolve("data");
    AppSettings settings = AppSettings.load(temp.resolve("config"));
    AppOptions options =
        new AppOptions(model, data, null, null, false, null, null, Duration.ofSeconds(90), "light");

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

    // the first-run screen: nothing indexed, one button to add a folder
    await(
        "the first-run screen",
        Duration.ofSeconds(30),
        () -> button(window, "addFolder").isShowing());
    assertTrue(call(() -> label(window, "emptyMessage").getText()).startsWith("No photos yet"));
    screenshot(window, "first-run");

    // index through the collections flow, following SSE progress
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
    screenshot(window, "collections");
    assertFalse(
        call(() -> button(window, "addFolder").isVisible()), "photos now: no first-run button");

    // with nothing typed, the collection shows newest first
    onEdt(() -> window.tabs().setSelectedIndex(0));
    await(
        "browsing",
        Duration.ofSeconds(60),
        () ->
            window.searchModel().state().browsing()
                && window.results().grid().getModel().getSize() == 20);
    List<SearchResultHit> newest = call(() -> window.searchModel().state().hits());
    for (int i = 1; i < newest.size(); i++) {
      assertFalse(newest.get(i).date().isAfter(newest.get(i - 1).date()), "newest first");
    }
    assertTrue(call(() -> window.statusLine().getText()).startsWith("20 photos, newest first"));
    Thread.sleep(1500);
    screenshot(window, "browse");

    // the thumbnail size control
    onEdt(() -> ((JSlider) find(window, "thumbnailSize")).setValue(240));
    int cell = call(() -> window.results().grid().getFixedCellWidth());
    int grid = call(() -> window.results().grid().getParent().getWidth());
    assertEquals(
        grid / 240,
        grid / cell,
        "as many columns of 240 px as fit, widened to fill the grid: " + cell);
    onEdt(() -> ((JSlider) find(window, "thumbnailSize")).setValue(180));

    // multi-select and export the selection
    onEdt(() -> window.results().grid().setSelectedIndices(new int[] {0, 2, 4}));
    List<SearchResultHit> picked = call(() -> window.results().grid().getSelectedValuesList());
    assertEquals(3, picked.size(), "several results can be selected");
    Path export = temp.resolve("export");
    onEdt(() -> window.exportSelection(picked, export));
    await(
        "the export",
        Duration.ofSeconds(30),
        () -> window.statusLine().getText().startsWith("Exported 3 photos"));
    for (SearchResultHit h : picked) {
      assertEquals(
          Files.size(Path.of(h.path())),
          Files.size(export.resolve(Path.of(h.path()).getFileName())));
    }
    onEdt(() -> window.tabs().setSelectedIndex(1));

    // "Skipped files…" with nothing skipped says so (it threw a NullPointerException)
    onEdt(() -> SwingUtilities.invokeLater(() -> button(window, "report").doClick()));
    JDialog report = awaitDialog("Skipped files");
    assertTrue(texts(report).contains("No file was skipped."), texts(report));
    onEdt(report::dispose);

    // type a query; results come after the debounce
    onEdt(
        () -> {
          window.tabs().setSelectedIndex(0);
          setChecked(window, "weakMatches", true);
          window.searchBar().field().setText("a photo of a beach");
        });
    await(
        "results",
        Duration.ofSeconds(60),
        () -> done(window) && !window.searchModel().state().hits().isEmpty());
    int all = call(() -> window.searchModel().state().hits().size());
    assertEquals(20, all, "weak matches included: every photo");
    await(
        "thumbnails",
        Duration.ofSeconds(30),
        () ->
            window.results().grid().getModel().getSize() > 0
                && !window.statusLine().getText().isBlank());
    Thread.sleep(1500); // thumbnails arrive asynchronously
    screenshot(window, "search-results");
    assertTrue(call(() -> window.statusLine().getText()).contains("confident match"));

    // the detail view of the first result
    onEdt(() -> window.openDetail(0));
    await(
        "the detail image",
        Duration.ofSeconds(30),
        () -> DetailProbe.hasImage(window.detail()) && window.detail().details() != null);
    screenshot(window, "detail");

    // full screen with zoom
    AtomicReference<FullScreenViewer> viewer = new AtomicReference<>();
    onEdt(() -> viewer.set(window.detail().openFullScreen()));
    await("the full-screen view", Duration.ofSeconds(10), () -> viewer.get().isShowing());
    double fitted = call(() -> DetailProbe.view(viewer.get()).zoom());
    onEdt(() -> DetailProbe.view(viewer.get()).zoomBy(2));
    assertEquals(
        2 * fitted, call(() -> DetailProbe.view(viewer.get()).zoom()), 1e-6, "zoomed in twice");
    onEdt(() -> DetailProbe.view(viewer.get()).zoomBy(0.8));
    screenshot(viewer.get(), "full-screen");
    onEdt(() -> viewer.get().dispose());
    onEdt(() -> button(window.detail(), "back").doClick());
    assertTrue(call(() -> window.filters().isShowing()), "the filters come back with the results");

    // a folder filter narrows the results
    String trip = photos.resolve("trip").toString();
    onEdt(
        () -> {
          typeAndEnter(window, "folder", trip);
        });
    await(
        "filtered results",
        Duration.ofSeconds(60),
        () -> done(window) && window.searchModel().state().hits().size() == 8);
    for (SearchResultHit hit : call(() -> window.searchModel().state().hits())) {
      assertTrue(hit.path().startsWith(trip), hit.path());
    }
    Thread.sleep(1000);
    screenshot(window, "search-filtered");

    // no results: the grid clears, plain words, the closest matches one click away
    onEdt(
        () -> {
          setChecked(window, "weakMatches", false);
          typeAndEnter(window, "folder", photos.resolve("nowhere").toString());
        });
    await(
        "the no-results search",
        Duration.ofSeconds(60),
        () ->
            window.searchModel().filters().folder() != null
                && window.searchModel().state().status() != SearchState.SearchPhase.SEARCHING);
    assertEquals(
        SearchState.SearchPhase.DONE,
        call(() -> window.searchModel().state().status()),
        () -> "" + window.searchModel().state());
    assertTrue(call(() -> label(window, "emptyMessage").isShowing()));
    assertEquals(
        0, (int) call(() -> window.results().grid().getModel().getSize()), "old results cleared");
    // the filters left nothing, so no closest matches either: the filters are what to change
    assertFalse(call(() -> button(window, "showClosest").isShowing()));
    String noResults = call(() -> label(window, "emptyMessage").getText());
    assertTrue(noResults.contains("with these filters"), noResults);
    assertFalse(call(() -> window.statusLine().getText()).contains("cutoff"));
    screenshot(window, "no-results");
    // an invalid date is said so and does not block the other filters
    onEdt(
        () -> {
          setChecked(window, "weakMatches", true); // all 8 photos of the trip, as above
          typeAndEnter(window, "folder", trip);
          typeAndEnter(window, "fromDate", "2024-13-45");
        });
    await(
        "the folder filter despite the bad date",
        Duration.ofSeconds(60),
        () -> done(window) && window.searchModel().state().hits().size() == 8);
    assertTrue(call(() -> label(window, "dateProblem").getText()).contains("Not a date"));
    onEdt(
        () -> {
          typeAndEnter(window, "fromDate", "");
          typeAndEnter(window, "folder", "");
        });
    await(
        "unfiltered results",
        Duration.ofSeconds(60),
        () -> done(window) && window.searchModel().state().hits().size() == 20);

    // search by image starts from the example alone, with a preview in the bar
    byte[] example = Files.readAllBytes(jpegs.getFirst());
    onEdt(() -> window.searchModel().searchByExample(example));
    await(
        "example results",
        Duration.ofSeconds(60),
        () -> done(window) && window.searchModel().state().byExample());
    assertEquals(
        "", call(() -> window.searchBar().field().getText()), "the earlier text is not mixed in");
    assertTrue(
        call(() -> button(window, "exampleChip").isShowing()), "a visible preview of the example");
    assertTrue(
        call(() -> window.searchModel().state().hits().getFirst().score()) > 0.99,
        "the example itself ranks first, scored against itself alone");
    screenshot(window, "search-by-image");

    // 900×600: the detail toolbar fits, its title shows, the photo gets the room
    onEdt(
        () -> {
          window.setExtendedState(Frame.NORMAL);
          window.setSize(900, 600);
          window.validate();
          window.openDetail(0);
          window.validate();
        });
    await(
        "the small detail view",
        Duration.ofSeconds(30),
        () -> DetailProbe.hasImage(window.detail()));
    onEdt(
        () -> {
          Component like = find(window.detail(), "moreLike");
          Rectangle inDetail =
              SwingUtilities.convertRectangle(like.getParent(), like.getBounds(), window.detail());
          assertTrue(
              inDetail.x >= 0 && inDetail.x + inDetail.width <= window.detail().getWidth(),
              "More like this is not clipped: " + inDetail + " in " + window.detail().getWidth());
          Component title = find(window.detail(), "detailTitle");
          assertTrue(
              title.getWidth() > 100 && title.getHeight() > 0,
              "the title shows: " + title.getBounds());
          assertTrue(
              DetailProbe.imageWidth(window.detail()) >= 500,
              "the photo is wide enough: " + DetailProbe.imageWidth(window.detail()));
        });
    screenshot(window, "detail-900x600");

    app.get().close();
    assertTrue(closed.await(60, TimeUnit.SECONDS), "the app closes and stops its server");

    // kiosk mode on the same data: starts on its attract screen
    CountDownLatch kioskClosed = new CountDownLatch(1);
    AppOptions kioskOptions =
        new AppOptions(
            model, data, null, null, true, "default", "1234", Duration.ofSeconds(90), "light");
    SwingUtilities.invokeAndWait(
        () -> app.set(AppLauncher.launch(kioskOptions, settings, kioskClosed::countDown)));
    KioskWindow kiosk = (KioskWindow) app.get().window();
    await("the kiosk attract slideshow", Duration.ofSeconds(120), kiosk::attractHasPhoto);
    screenshot(kiosk, "kiosk-attract");
    // typing on the on-screen keyboard (a touch screen has no other)
    onEdt(
        () -> {
          kiosk.leaveAttract();
          kiosk.searchModel().setShowAll(true);
          for (String k : "beach".split("")) {
            ((JButton) find(kiosk.keyboard(), "key-" + k)).doClick();
          }
          ((JButton) find(kiosk.keyboard(), "key-search")).doClick();
        });
    assertEquals("beach", call(() -> kiosk.searchModel().text()));
    await(
        "kiosk results",
        Duration.ofSeconds(60),
        () -> kiosk.searchModel().state().status() == SearchState.SearchPhase.DONE);
    Thread.sleep(1500);
    screenshot(kiosk, "kiosk-keyboard");
    app.get().close();
    assertTrue(kioskClosed.await(60, TimeUnit.SECONDS));
  }

  /** The app started in embedded mode, its main window once its server answers. */
  record Launched(AppLauncher.RunningApp app, MainWindow window, CountDownLatch closed) {}

  /**
   * Starts the app (light theme) with the tiny-clip model on {@code data} and waits for its server.
   */
  static Launched launch(Path shared, Path data, AppSettings settings) throws Exception {
    AppOptions options =
        new AppOptions(
            shared.resolve("clip-fixtures/tiny-clip"),
            data,
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
    return new Launched(app.get(), window, closed);
  }

  /**
   * Adds {@code folder} to the "default" collection and waits until its {@code photos} are indexed.
   */
  static void index(MainWindow window, Path folder, int photos) throws Exception {
    onEdt(() -> window.collectionsModel().addFolder("default", folder.toString()));
    await(
        "indexing to finish",
        Duration.ofSeconds(180),
        () ->
            window.collectionsModel().lastJobId() != null
                && window.collectionsModel().jobId() == null
                && !window.collectionsModel().collections().isEmpty()
                && window.collectionsModel().collections().getFirst().documents() == photos);
  }

  /** The first button below {@code root} that shows {@code text} (an option pane's, say). */
  static AbstractButton buttonWithText(Container root, String text) {
    return (AbstractButton)
        first(root, c -> c instanceof AbstractButton b && text.equals(b.getText()));
  }

  static Component find(Container root, String name) {
    return first(root, c -> name.equals(c.getName()));
  }

  /** The first component below {@code root}, depth first, that {@code wanted} accepts; or null. */
  private static Component first(Container root, Predicate<Component> wanted) {
    for (Component c : root.getComponents()) {
      if (wanted.test(c)) {
        return c;
      }
      if (c instanceof Container k) {
        Component found = first(k, wanted);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  static AbstractButton button(Container root, String name) {
    return (AbstractButton) named(root, name);
  }

  static JLabel label(Container root, String name) {
    return (JLabel) named(root, name);
  }

  /** Types {@code text} into the text field {@code name} and presses Enter, as a person would. */
  static void typeAndEnter(Container root, String name, String text) {
    JTextField field = (JTextField) named(root, name);
    field.setText(text);
    field.postActionEvent();
  }

  /** Clicks the check box {@code name} if it is not {@code checked} yet. */
  static void setChecked(Container root, String name, boolean checked) {
    AbstractButton box = button(root, name);
    if (box.isSelected() != checked) {
      box.doClick();
    }
  }

  private static Component named(Container root, String name) {
    Component c = find(root, name);
    if (c == null) {
      throw new AssertionError("no component " + name);
    }
    return c;
  }

  /** Waits for a showing dialog titled {@code title} (a modal one: opened with invokeLater). */
  static JDialog awaitDialog(String title) throws Exception {
    AtomicReference<JDialog> found = new AtomicReference<>();
    await(
        "the dialog " + title,
        Duration.ofSeconds(20),
        () -> {
          for (Window w : Window.getWindows()) {
            if (w instanceof JDialog d && d.isShowing() && title.equals(d.getTitle())) {
              found.set(d);
              return true;
            }
          }
          return false;
        });
    return found.get();
  }

  /** Every label's text in a window. */
  static String texts(Container root) throws Exception {
    return call(
        () -> {
          StringBuilder b = new StringBuilder();
          collect(root, b);
          return b.toString();
        });
  }

  private static void collect(Container root, StringBuilder b) {
    for (Component c : root.getComponents()) {
      if (c instanceof JLabel l) {
        b.append(l.getText()).append('\n');
      }
      if (c instanceof Container k) {
        collect(k, b);
      }
    }
  }

  private static boolean done(MainWindow w) {
    return w.searchModel().state().status() == SearchState.SearchPhase.DONE;
  }

  static Path sharedFolder() {
    String configured = System.getProperty("clipsearch.shared");
    Path p =
        configured != null
            ? Path.of(configured)
            : Path.of("").toAbsolutePath().getParent().resolveSibling("shared");
    assumeTrue(
        Files.isDirectory(p.resolve("clip-fixtures/tiny-clip"))
            && Files.isDirectory(p.resolve("sample-images")),
        "../shared (tiny-clip, sample-images) is not beside this checkout: UI test skipped");
    return p;
  }

  /** Polls {@code condition} on the EDT until it holds or the timeout passes: {@link EdtAwait}. */
  static void await(String what, Duration timeout, Supplier<Boolean> condition) throws Exception {
    EdtAwait.until(what, timeout, condition);
  }

  static <T> T call(Supplier<T> s) throws InterruptedException, InvocationTargetException {
    AtomicReference<T> r = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> r.set(s.get()));
    return r.get();
  }

  static void onEdt(Runnable r) throws InterruptedException, InvocationTargetException {
    SwingUtilities.invokeAndWait(r);
  }

  /**
   * Paints the window into an image and saves it as target/screenshots/NAME.png. It paints on the
   * EDT after every event queued before it, the models' updates and their repaints included, so it
   * needs no pause first; only thumbnails still loading are missing from it.
   */
  static void screenshot(Window window, String name) throws Exception {
    BufferedImage image =
        call(
            () -> {
              Component c = window instanceof RootPaneContainer f ? f.getRootPane() : window;
              BufferedImage b =
                  new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
              var g = b.createGraphics();
              c.paint(g);
              g.dispose();
              return b;
            });
    Path dir = Path.of(System.getProperty("clipsearch.screenshots", "target/screenshots"));
    Files.createDirectories(dir);
    try {
      ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
    } catch (IOException e) {
      throw new AssertionError("cannot write screenshot " + name, e);
    }
  }
}
