package io.clipsearch.app;

import static io.clipsearch.app.EmbeddedAppUiTest.await;
import static io.clipsearch.app.EmbeddedAppUiTest.call;
import static io.clipsearch.app.EmbeddedAppUiTest.onEdt;
import static io.clipsearch.app.EmbeddedAppUiTest.screenshot;
import static io.clipsearch.app.EmbeddedAppUiTest.sharedFolder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.detail.DetailViewModel;
import io.clipsearch.app.settings.AppSettings;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A phone's HEIC, an AVIF and a camera's RAW+JPEG pair in the real app (on Xvfb): indexed, shown as
 * thumbnails, and each opened in the detail view from the server's upright rendering; the pair is
 * one photo whose details name its RAW. Screenshots go to target/screenshots (camera-formats-*).
 */
class CameraFormatsUiTest {

  @TempDir Path temp;

  @Test
  void heicAvifAndARawJpegPairAreShownLikeAnyPhoto() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display (Xvfb missing): UI test skipped");
    Path shared = sharedFolder();
    List<Path> jpegs;
    try (Stream<Path> s = Files.walk(shared.resolve("sample-images"))) {
      jpegs = s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(4).toList();
    }
    Path photos = Files.createDirectories(temp.resolve("photos"));
    Files.copy(jpegs.get(0), photos.resolve("camera.jpg"));
    heifEncode(jpegs.get(1), photos.resolve("phone.heic"), false);
    heifEncode(jpegs.get(2), photos.resolve("web.avif"), true);
    Files.copy(jpegs.get(3), photos.resolve("IMG_1.JPG"));
    Files.write(photos.resolve("IMG_1.CR2"), new byte[] {'I', 'I', 42, 0}); // its RAW

    EmbeddedAppUiTest.Launched launched =
        EmbeddedAppUiTest.launch(
            shared, temp.resolve("data"), AppSettings.load(temp.resolve("config")));
    MainWindow window = launched.window();
    try {
      EmbeddedAppUiTest.index(window, photos, 4);
      onEdt(() -> window.tabs().setSelectedIndex(0));
      await(
          "browsing the four photos",
          Duration.ofSeconds(60),
          () ->
              window.searchModel().state().browsing()
                  && window.results().grid().getModel().getSize() == 4);
      Thread.sleep(1500); // thumbnails arrive asynchronously
      screenshot(window, "camera-formats-browse");

      List<SearchResultHit> hits = call(() -> window.searchModel().state().hits());
      for (String name : List.of("phone.heic", "web.avif", "IMG_1.JPG")) {
        int i = indexOf(hits, name);
        onEdt(() -> window.openDetail(i));
        await(
            name + " in the detail view",
            Duration.ofSeconds(30),
            () ->
                window.detail().model().status() == DetailViewModel.PhotoLoad.SHOWN
                    && window.detail().details() != null
                    && window.detail().details().path().endsWith(name));
        assertTrue(call(() -> window.detail().model().image().getWidth()) > 0, name);
        if (name.equals("phone.heic")) {
          screenshot(window, "camera-formats-detail");
        }
      }
      assertEquals(
          List.of(photos.resolve("IMG_1.CR2").toString()),
          call(() -> window.detail().details().companions()));
    } finally {
      launched.app().close();
      assertTrue(launched.closed().await(60, TimeUnit.SECONDS), "the app closes");
    }
  }

  private static int indexOf(List<SearchResultHit> hits, String name) {
    for (int i = 0; i < hits.size(); i++) {
      if (hits.get(i).path().endsWith("/" + name)) {
        return i;
      }
    }
    throw new AssertionError(name + " is not among " + hits);
  }

  private static void heifEncode(Path jpeg, Path target, boolean avif)
      throws IOException, InterruptedException {
    List<String> command =
        avif
            ? List.of("heif-enc", "-A", "-q", "90", jpeg.toString(), "-o", target.toString())
            : List.of("heif-enc", "-q", "90", jpeg.toString(), "-o", target.toString());
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException missing) {
      assumeTrue(false, "heif-enc is not installed (apt install libheif-examples): skipped");
      throw missing;
    }
    p.getInputStream().readAllBytes();
    assertEquals(0, p.waitFor(), "heif-enc " + target);
  }
}
