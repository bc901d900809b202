package io.clipsearch.app.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.ManualDelay;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * The search bar's layout over the fake server of {@link SearchViewModelTest}, searching at once.
 */
class SearchBarTest {

  @Test
  void theExampleChipDoesNotMakeTheBarTaller() throws Exception {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB), "png", png);
    AtomicReference<String> heights = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          SearchViewModel vm =
              new SearchViewModel(
                  new SearchViewModelTest.FakeService(),
                  new BackgroundTasks(Runnable::run, Runnable::run),
                  new ManualDelay(),
                  new QueryHistory(List.of()));
          SearchBar bar = new SearchBar(vm, 1.2f, true);
          int plain = bar.getPreferredSize().height;
          vm.searchByExample(png.toByteArray());
          assertTrue(bar.exampleChip().isVisible());
          int withImage = bar.getPreferredSize().height;
          vm.moreLike("abc");
          int withLike = bar.getPreferredSize().height;
          heights.set(plain + " " + withImage + " " + withLike);
        });
    String[] h = heights.get().split(" ");
    assertEquals(h[0], h[1], "the bar keeps its height with the image chip");
    assertEquals(h[0], h[2], "and with the \"similar photos\" chip");
  }
}
