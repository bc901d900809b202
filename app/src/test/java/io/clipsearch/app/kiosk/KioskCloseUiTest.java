package io.clipsearch.app.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.clipsearch.app.connection.AppOptions;
import io.clipsearch.app.ui.EdtAwait;
import java.awt.GraphicsEnvironment;
import java.awt.Window;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * A window-close request (Alt+F4, the window manager's close) on the kiosk, in a real window on
 * Xvfb: it asks for the PIN instead of quitting, and repeated wrong PINs lock the keypad.
 */
class KioskCloseUiTest {

  @Test
  void closingTheWindowAsksForThePinAndWrongPinsLockTheKeypad() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display (Xvfb missing): UI test skipped");
    AtomicBoolean closed = new AtomicBoolean();
    AppOptions options =
        new AppOptions(
            Path.of("model"),
            Path.of("data"),
            null,
            null,
            true,
            "default",
            "4321",
            Duration.ofSeconds(90),
            "light");
    AtomicReference<KioskWindow> kiosk = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          kiosk.set(new KioskWindow(options, () -> closed.set(true)));
          kiosk.get().setVisible(true);
        });
    // what Alt+F4 sends; the PIN pad is modal, so it is opened from a later event
    SwingUtilities.invokeLater(
        () -> kiosk.get().dispatchEvent(new WindowEvent(kiosk.get(), WindowEvent.WINDOW_CLOSING)));
    PinPad pad = awaitPad();
    assertTrue(kiosk.get().isDisplayable(), "the kiosk is still open");
    assertTrue(!closed.get(), "nothing quit without the PIN");
    AtomicReference<String> hint = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          for (int i = 0; i < PinGuard.MAX_TRIES; i++) {
            for (char c : "1111".toCharArray()) {
              pad.press(String.valueOf(c));
            }
            pad.press("OK");
          }
          for (char c : "4321".toCharArray()) {
            pad.press(String.valueOf(c));
          }
          pad.press("OK");
          hint.set(pad.hint());
        });
    assertTrue(hint.get().startsWith("Too many wrong PINs. Try again in"), hint.get());
    assertTrue(pad.isShowing(), "the right PIN is refused while locked");
    assertTrue(kiosk.get().isDisplayable());
    SwingUtilities.invokeAndWait(
        () -> {
          pad.dispose();
          kiosk.get().shutdown();
        });
    assertTrue(closed.get());
    assertEquals(false, kiosk.get().isDisplayable());
  }

  private static PinPad awaitPad() throws Exception {
    AtomicReference<PinPad> found = new AtomicReference<>();
    EdtAwait.until(
        "a PIN pad after a window-close request",
        Duration.ofMinutes(1),
        () -> {
          for (Window w : Window.getWindows()) {
            if (w instanceof PinPad p && p.isShowing()) {
              found.set(p);
            }
          }
          return found.get() != null;
        });
    return found.get();
  }
}
