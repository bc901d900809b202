package io.clipsearch.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.swing.JRootPane;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The full-screen viewer in a real window on Xvfb: the zoom it says, and "+" typed as Shift+=. */
class FullScreenViewerUiTest {

  @Test
  void theHintSaysTheFittedZoomAndShiftEqualsZoomsIn() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display (Xvfb missing): UI test skipped");
    AtomicReference<FullScreenViewer> viewer = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          viewer.set(
              new FullScreenViewer(
                  null, new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB), "big.jpg"));
          viewer.get().setVisible(true);
        });
    try {
      await(() -> viewer.get().view().getWidth() > 0);
      double fitted = call(() -> viewer.get().view().zoom());
      assertNotEquals(1.0, fitted, 0.01, "a 4000-pixel photo is fitted smaller than 100 %");
      String said = String.format(Locale.ROOT, "%.0f %%", 100 * fitted);
      await(() -> viewer.get().hint().contains(said));
      SwingUtilities.invokeAndWait(
          () -> {
            JRootPane root = viewer.get().getRootPane();
            root.dispatchEvent(
                new KeyEvent(
                    root,
                    KeyEvent.KEY_PRESSED,
                    System.currentTimeMillis(),
                    InputEvent.SHIFT_DOWN_MASK,
                    KeyEvent.VK_EQUALS,
                    '+'));
          });
      assertEquals(1.25 * fitted, call(() -> viewer.get().view().zoom()), 1e-6, "Shift+= is +");
      assertTrue(
          call(() -> viewer.get().hint())
              .contains(String.format(Locale.ROOT, "%.0f %%", 125 * fitted)));
    } finally {
      SwingUtilities.invokeAndWait(() -> viewer.get().dispose());
    }
  }

  private static <T> T call(Supplier<T> s) throws Exception {
    AtomicReference<T> r = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> r.set(s.get()));
    return r.get();
  }

  private static void await(Supplier<Boolean> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!call(done)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out");
      }
      Thread.sleep(50);
    }
  }
}
