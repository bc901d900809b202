package io.clipsearch.app;

import static io.clipsearch.app.EmbeddedAppUiTest.await;
import static io.clipsearch.app.EmbeddedAppUiTest.button;
import static io.clipsearch.app.EmbeddedAppUiTest.call;
import static io.clipsearch.app.EmbeddedAppUiTest.find;
import static io.clipsearch.app.EmbeddedAppUiTest.onEdt;
import static io.clipsearch.app.EmbeddedAppUiTest.screenshot;
import static io.clipsearch.app.EmbeddedAppUiTest.setChecked;
import static io.clipsearch.app.EmbeddedAppUiTest.sharedFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.clipsearch.app.connection.AppOptions;
import io.clipsearch.app.kiosk.KioskWindow;
import io.clipsearch.app.models.ModelsDialog;
import io.clipsearch.app.search.SearchState;
import io.clipsearch.app.settings.AppSettings;
import io.clipsearch.testing.HubFixture;
import java.awt.GraphicsEnvironment;
import java.awt.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Models view end to end in the real app (on Xvfb), against a fake hub on loopback that serves
 * the tiny-clip model as ViT-B-32: pull, a stalled download cancelled, resumed and verified, the
 * library switched to it with its re-index, a search on the new model; kiosk mode offers no Models
 * view. The screenshot models-view goes to target/screenshots.
 */
class ModelsViewUiTest {

  private static final String MODEL = "ViT-B-32";
  private static final String VISUAL = "visual/model.onnx";

  @TempDir Path temp;

  @Test
  void pullCancelResumeVerifySwitchAndSearch() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display (Xvfb missing): UI test skipped");
    Path shared = sharedFolder();
    Path photos = Files.createDirectories(temp.resolve("photos"));
    try (Stream<Path> s = Files.walk(shared.resolve("sample-images"))) {
      for (Path jpeg : s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(6).toList()) {
        Files.copy(jpeg, photos.resolve(jpeg.getFileName()));
      }
    }
    Path models = temp.resolve("models");
    try (HubFixture hub =
        new HubFixture("immich-app/ViT-B-32__openai")
            .folder(shared.resolve("clip-fixtures/tiny-clip"))) {
      hub.stallAfterBytes.put(VISUAL, 400_000L);
      // the embedded server reads these like any configuration
      System.setProperty("clipsearch.models.dir", models.toString());
      System.setProperty("clipsearch.models.hub-url", hub.baseUrl().toString());
      EmbeddedAppUiTest.Launched launched;
      try {
        launched =
            EmbeddedAppUiTest.launch(
                shared, temp.resolve("data"), AppSettings.load(temp.resolve("config")));
      } finally {
        System.clearProperty("clipsearch.models.dir");
        System.clearProperty("clipsearch.models.hub-url");
      }
      MainWindow window = launched.window();
      try {
        EmbeddedAppUiTest.index(window, photos, 6);

        onEdt(() -> button(window, "openModels").doClick());
        await(
            "the models list",
            Duration.ofSeconds(30),
            () -> {
              ModelsDialog d = window.screen().modelsDialog();
              return d != null && d.isShowing() && d.table().getRowCount() > 9;
            });
        ModelsDialog dialog = call(() -> window.screen().modelsDialog());
        JTable table = dialog.table();
        onEdt(() -> table.setRowSelectionInterval(row(table, MODEL), row(table, MODEL)));
        assertEquals("not downloaded", call(() -> table.getValueAt(row(table, MODEL), 1)));
        assertEquals("English", call(() -> table.getValueAt(row(table, MODEL), 4)));

        // pull: the download stalls in the image tower; cancel keeps what came
        onEdt(() -> button(dialog, "pull").doClick());
        await(
            "the download to reach the stall",
            Duration.ofSeconds(60),
            () -> {
              var p = window.screen().modelsModel().pullStatus();
              return p != null && VISUAL.equals(p.file()) && p.bytesDone() >= 400_000L;
            });
        assertTrue(text(dialog, "pullMessage").startsWith("Downloading ViT-B-32"));
        assertTrue(call(() -> button(dialog, "cancelPull").isEnabled()));
        screenshot(dialog, "models-view-pulling");
        onEdt(() -> button(dialog, "cancelPull").doClick());
        await(
            "the cancel",
            Duration.ofSeconds(30),
            () -> text(dialog, "pullMessage").startsWith("Cancelled at"));
        Path part = models.resolve(MODEL).resolve(VISUAL + ".part");
        assertEquals(400_000L, Files.size(part), "the part file stays for the resume");
        await(
            "the partial state in the list",
            Duration.ofSeconds(10),
            () -> "Resume".equals(button(dialog, "pull").getText()));

        // resume: the rest of the file only, then the verification
        onEdt(() -> button(dialog, "pull").doClick());
        await(
            "the verified model",
            Duration.ofSeconds(120),
            () -> text(dialog, "pullMessage").startsWith("Downloaded and verified"));
        assertEquals("bytes=400000-", hub.downloadsOf(VISUAL).getLast().range());
        assertFalse(Files.exists(part));
        await(
            "the verified state in the list",
            Duration.ofSeconds(10),
            () -> "verified".equals(table.getValueAt(row(table, MODEL), 1)));
        screenshot(dialog, "models-view");

        // switch the library: re-indexed in the background, then searches use the new model
        onEdt(() -> button(dialog, "activate").doClick());
        await(
            "the switch",
            Duration.ofSeconds(180),
            () -> text(dialog, "activationMessage").startsWith("The library now searches with"));
        await(
            "the new model in use in the list",
            Duration.ofSeconds(10),
            () -> "in use".equals(table.getValueAt(row(table, MODEL), 1)));
        assertEquals(
            MODEL, call(() -> window.screen().modelsModel().list().orElseThrow().active()));
        screenshot(dialog, "models-view-switched");
        try (Stream<Path> indexes = Files.list(temp.resolve("data/default/index"))) {
          assertEquals(2, indexes.count(), "the new model's index beside the old one");
        }
        onEdt(dialog::dispose);

        onEdt(
            () -> {
              window.tabs().setSelectedIndex(0);
              setChecked(window, "weakMatches", true);
              window.searchBar().field().setText("a photo of a beach");
            });
        await(
            "results on the new model",
            Duration.ofSeconds(60),
            () ->
                window.searchModel().state().status() == SearchState.SearchPhase.DONE
                    && window.searchModel().state().hits().size() == 6);
      } finally {
        launched.app().close();
        assertTrue(launched.closed().await(60, TimeUnit.SECONDS), "the app closes");
      }
    }

    // kiosk mode on the same library: no Models view anywhere
    CountDownLatch kioskClosed = new CountDownLatch(1);
    AtomicReference<AppLauncher.RunningApp> kiosk = new AtomicReference<>();
    AppOptions kioskOptions =
        new AppOptions(
            null,
            temp.resolve("data"),
            null,
            null,
            true,
            "default",
            "1234",
            Duration.ofSeconds(90),
            "light");
    SwingUtilities.invokeAndWait(
        () ->
            kiosk.set(
                AppLauncher.launch(
                    kioskOptions,
                    AppSettings.load(temp.resolve("config")),
                    kioskClosed::countDown)));
    try {
      KioskWindow k = (KioskWindow) kiosk.get().window();
      await("the kiosk attract slideshow", Duration.ofSeconds(120), k::attractHasPhoto);
      assertNull(call(() -> find(k, "openModels")), "no Models button in the kiosk");
      for (Window w : call(() -> List.of(Window.getWindows()))) {
        assertFalse(
            call(
                () ->
                    w.isShowing() && (w instanceof ModelsDialog || find(w, "openModels") != null)),
            "no Models view in kiosk mode: " + w);
      }
    } finally {
      kiosk.get().close();
      assertTrue(kioskClosed.await(60, TimeUnit.SECONDS));
    }
  }

  private static int row(JTable table, String name) {
    for (int i = 0; i < table.getRowCount(); i++) {
      if (name.equals(table.getValueAt(i, 0))) {
        return i;
      }
    }
    throw new AssertionError("no row " + name);
  }

  private static String text(ModelsDialog dialog, String name) {
    return ((JTextArea) find(dialog.getContentPane(), name)).getText();
  }
}
