package io.clipsearch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.connection.AppOptions;
import io.clipsearch.app.kiosk.KioskWindow;
import io.clipsearch.app.search.SearchState;
import io.clipsearch.app.settings.AppSettings;
import java.awt.Component;
import java.awt.GraphicsEnvironment;
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
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app end to end in real windows (on Xvfb): embedded server with the tiny-clip model, ~20
 * sample photos indexed through the collections flow, a typed query, a detail view, a folder
 * filter, then kiosk mode's attract screen. Screenshots go to target/screenshots.
 */
class EmbeddedAppUiTest {

  @TempDir
  Path temp;

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
    AppOptions options = new AppOptions(model, data, null, null, false, null, null, Duration.ofSeconds(90), "light");

    CountDownLatch closed = new CountDownLatch(1);
    AtomicReference<AppLauncher.RunningApp> app = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> {
      Theme.install("light");
      app.set(AppLauncher.launch(options, settings, closed::countDown));
    });
    MainWindow window = (MainWindow) app.get().window();
    await("the embedded server to start", Duration.ofSeconds(120), () -> window.searchModel() != null);

    // index through the collections flow, following SSE progress
    onEdt(() -> {
      window.tabs().setSelectedIndex(1);
      window.collectionsModel().addFolder("default", photos.toString());
    });
    await("indexing to finish", Duration.ofSeconds(180), () -> window.collectionsModel().lastJobId() != null
        && window.collectionsModel().jobId() == null && !window.collectionsModel().collections().isEmpty()
        && window.collectionsModel().collections().getFirst().documents() == 20);
    Thread.sleep(300); // let the table repaint (test thread only)
    screenshot(window, "collections");

    // type a query; results come after the debounce
    onEdt(() -> {
      window.tabs().setSelectedIndex(0);
      window.filters().setShowWeak(true);
      window.searchBar().field().setText("a photo of a beach");
    });
    await("results", Duration.ofSeconds(60), () -> done(window) && !window.searchModel().state().hits().isEmpty());
    int all = call(() -> window.searchModel().state().hits().size());
    assertEquals(20, all, "weak matches included: every photo");
    await("thumbnails", Duration.ofSeconds(30), () -> window.results().grid().getModel().getSize() > 0
        && !window.statusLine().getText().isBlank());
    Thread.sleep(1500); // thumbnails arrive asynchronously
    screenshot(window, "search-results");
    assertTrue(call(() -> window.statusLine().getText()).contains("confident matches"));

    // the detail view of the first result
    onEdt(() -> window.openDetail(0));
    await("the detail image", Duration.ofSeconds(30), () -> window.detail().hasImage()
        && window.detail().details() != null);
    screenshot(window, "detail");
    onEdt(() -> window.results().grid().requestFocusInWindow());

    // a folder filter narrows the results
    String trip = photos.resolve("trip").toString();
    onEdt(() -> {
      window.filters().setFolder(trip);
    });
    await("filtered results", Duration.ofSeconds(60), () -> done(window)
        && window.searchModel().state().hits().size() == 8);
    for (SearchResultHit hit : call(() -> window.searchModel().state().hits())) {
      assertTrue(hit.path().startsWith(trip), hit.path());
    }
    Thread.sleep(1000);
    screenshot(window, "search-filtered");

    app.get().close();
    assertTrue(closed.await(60, TimeUnit.SECONDS), "the app closes and stops its server");

    // kiosk mode on the same data: starts on its attract screen
    CountDownLatch kioskClosed = new CountDownLatch(1);
    AppOptions kioskOptions = new AppOptions(model, data, null, null, true, "default", "1234",
        Duration.ofSeconds(90), "light");
    SwingUtilities.invokeAndWait(() -> app.set(AppLauncher.launch(kioskOptions, settings, kioskClosed::countDown)));
    KioskWindow kiosk = (KioskWindow) app.get().window();
    await("the kiosk attract slideshow", Duration.ofSeconds(120), kiosk::attractHasPhoto);
    screenshot(kiosk, "kiosk-attract");
    onEdt(() -> {
      kiosk.leaveAttract();
      kiosk.searchModel().setShowAll(true);
      kiosk.searchModel().setText("flowers");
      kiosk.searchModel().submit();
    });
    await("kiosk results", Duration.ofSeconds(60), () -> kiosk.searchModel().state().status() == SearchState.Status.DONE);
    Thread.sleep(1500);
    screenshot(kiosk, "kiosk-search");
    app.get().close();
    assertTrue(kioskClosed.await(60, TimeUnit.SECONDS));
  }

  private static boolean done(MainWindow w) {
    return w.searchModel().state().status() == SearchState.Status.DONE;
  }

  static Path sharedFolder() {
    String configured = System.getProperty("clipsearch.shared");
    Path p = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent().resolveSibling("shared");
    assumeTrue(Files.isDirectory(p.resolve("clip-fixtures/tiny-clip")) && Files.isDirectory(p.resolve("sample-images")),
        "../shared (tiny-clip, sample-images) is not beside this checkout: UI test skipped");
    return p;
  }

  /** Polls {@code condition} on the EDT until it holds or the timeout passes. */
  static void await(String what, Duration timeout, Supplier<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (call(condition::get)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
  }

  static <T> T call(Supplier<T> s) throws InterruptedException, InvocationTargetException {
    AtomicReference<T> r = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> r.set(s.get()));
    return r.get();
  }

  static void onEdt(Runnable r) throws InterruptedException, InvocationTargetException {
    SwingUtilities.invokeAndWait(r);
  }

  /** Paints the window into an image and saves it as target/screenshots/NAME.png. */
  static void screenshot(Window window, String name) throws Exception {
    BufferedImage image = call(() -> {
      Component c = window instanceof javax.swing.JFrame f ? f.getRootPane() : window;
      BufferedImage b = new BufferedImage(c.getWidth(), c.getHeight(), BufferedImage.TYPE_INT_RGB);
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
