package io.clipsearch.app;

import static io.clipsearch.app.EmbeddedAppUiTest.await;
import static io.clipsearch.app.EmbeddedAppUiTest.awaitDialog;
import static io.clipsearch.app.EmbeddedAppUiTest.buttonWithText;
import static io.clipsearch.app.EmbeddedAppUiTest.call;
import static io.clipsearch.app.EmbeddedAppUiTest.onEdt;
import static io.clipsearch.app.EmbeddedAppUiTest.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.app.search.SearchState;
import io.clipsearch.app.settings.AppSettings;
import java.awt.GraphicsEnvironment;
import java.awt.event.WindowEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.swing.JDialog;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the window while indexing (on Xvfb, 1,000 Flickr8k photos so the job runs for a while):
 * the app asks first ("No" keeps it running), "Yes" cancels the job and quits; at the next start a
 * notice says how many photos were never indexed and stays after the first browse, "Index now"
 * indexes the rest and the notice goes.
 */
class CloseWhileIndexingUiTest {

  @TempDir Path temp;

  @Test
  void closingWhileIndexingAsksAndTheNextStartSaysWhatWasLeft() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display (Xvfb missing): UI test skipped");
    Path shared = EmbeddedAppUiTest.sharedFolder();
    Path flickr = shared.resolve("datasets/flickr8k-1k/images");
    assumeTrue(Files.isDirectory(flickr), flickr + " is missing: UI test skipped");
    List<Path> jpegs;
    try (Stream<Path> s = Files.list(flickr)) {
      jpegs = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
    }
    Path photos = Files.createDirectories(temp.resolve("photos"));
    for (Path jpeg : jpegs) {
      Files.copy(jpeg, photos.resolve(jpeg.getFileName()));
    }
    List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    onEdt(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e)));
    Path config = temp.resolve("config");
    EmbeddedAppUiTest.Launched first =
        EmbeddedAppUiTest.launch(shared, temp.resolve("data"), AppSettings.load(config));
    MainWindow window = first.window();
    onEdt(() -> window.collectionsModel().addFolder("default", photos.toString()));
    await(
        "indexing under way",
        Duration.ofSeconds(120),
        () -> {
          IngestStatus s = window.collectionsModel().status();
          return window.collectionsModel().jobId() != null
              && s != null
              && s.total() == jpegs.size()
              && s.seen() > 0;
        });

    // indexing is no first run, and the Images column counts the photos as they are committed
    assertFalse(
        call(() -> EmbeddedAppUiTest.button(window, "addFolder").isShowing()),
        "no \"No photos yet\" while indexing");
    assertFalse(
        call(() -> EmbeddedAppUiTest.label(window, "emptyMessage").getText())
            .startsWith("No photos yet"));
    await(
        "photos counted while indexing",
        Duration.ofSeconds(60),
        () ->
            window.collectionsModel().jobId() != null
                && window.collectionsModel().collections().getFirst().documents() > 0);

    // "Keep indexing", the default answer: the window stays and the job goes on
    closeRequest(window);
    JDialog ask = awaitDialog("Indexing is running");
    assertTrue(texts(ask).contains("Quit anyway?"), texts(ask));
    assertEquals(
        "Keep indexing",
        call(() -> ask.getRootPane().getDefaultButton().getText()),
        "Enter keeps indexing");
    onEdt(() -> buttonWithText(ask, "Keep indexing").doClick());
    assertTrue(call(window::isDisplayable), "still open");
    assertTrue(call(() -> window.collectionsModel().jobId()) != null, "still indexing");

    // "Quit": the job is cancelled, and the window goes once the job has ended
    closeRequest(window);
    JDialog again = awaitDialog("Indexing is running");
    onEdt(() -> buttonWithText(again, "Quit").doClick());
    assertTrue(first.closed().await(60, TimeUnit.SECONDS), "the app closes and stops its server");
    assertTrue(uncaught.isEmpty(), "nothing thrown on the EDT while closing: " + uncaught);
    AppSettings.UnfinishedIndexing left =
        AppSettings.load(config).unfinishedIndexing().orElseThrow();
    assertEquals("default", left.collection());
    assertTrue(
        left.notIndexed() > 0 && left.notIndexed() < jpegs.size(),
        "photos left: " + left.notIndexed());

    // the next start says so, and the first browse does not wipe it out
    EmbeddedAppUiTest.Launched second =
        EmbeddedAppUiTest.launch(shared, temp.resolve("data"), AppSettings.load(config));
    MainWindow restarted = second.window();
    await(
        "the collection browsed",
        Duration.ofSeconds(60),
        () ->
            restarted.searchModel().state().browsing()
                && restarted.searchModel().state().status() == SearchState.SearchPhase.DONE);
    assertTrue(
        call(() -> restarted.unfinishedIndexing().isShowing()),
        "the notice stays after the first browse");
    String notice = call(() -> restarted.unfinishedIndexing().text());
    assertTrue(
        notice.startsWith(
            String.format(
                Locale.ROOT, "%,d photos of “default” were never indexed", left.notIndexed())),
        notice);
    await(
        "the collection listed",
        Duration.ofSeconds(60),
        () -> !restarted.collectionsModel().collections().isEmpty());
    assertEquals(
        jpegs.size() - left.notIndexed(),
        (long) call(() -> restarted.collectionsModel().collections().getFirst().documents()),
        "the notice counts what the job left, after it committed its last batch");
    EmbeddedAppUiTest.screenshot(restarted, "unfinished-indexing");

    // "Index now" indexes the rest; the notice and the record go
    onEdt(() -> EmbeddedAppUiTest.button(restarted.unfinishedIndexing(), "indexNow").doClick());
    await(
        "the rest indexed",
        Duration.ofSeconds(300),
        () ->
            restarted.collectionsModel().finishedAll()
                && !restarted.collectionsModel().collections().isEmpty()
                && restarted.collectionsModel().collections().getFirst().documents()
                    == jpegs.size());
    assertFalse(call(() -> restarted.unfinishedIndexing().isShowing()));
    second.app().close();
    assertTrue(second.closed().await(60, TimeUnit.SECONDS));
    assertTrue(
        AppSettings.load(config).unfinishedIndexing().isEmpty(), "nothing left to warn about");
  }

  /** A window-close request as the window manager sends it (the confirm dialog is modal: later). */
  private static void closeRequest(MainWindow window) {
    SwingUtilities.invokeLater(
        () -> window.dispatchEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSING)));
  }
}
