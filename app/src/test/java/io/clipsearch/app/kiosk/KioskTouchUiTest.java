package io.clipsearch.app.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.clipsearch.app.connection.AppOptions;
import java.awt.Component;
import java.awt.Container;
import java.awt.GraphicsEnvironment;
import java.awt.Window;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's touch surfaces in real windows on Xvfb: keys a finger can hit, a lockout that counts
 * down by itself and fits its pad, and a PIN pad that the idle timeout clears away.
 */
class KioskTouchUiTest {

  /** The least key height a fingertip hits reliably (7 mm at about 170 dpi). */
  static final int FINGER = 48;

  @Test
  void theLockoutCountsDownByItselfAndIsNotCut() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display (Xvfb missing): UI test skipped");
    AtomicLong now = new AtomicLong();
    PinGuard guard = new PinGuard(new KioskPin("4321"), now::get);
    AtomicReference<PinPad> pad = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> pad.set(new PinPad(null, guard, KioskWindow.FONT)));
    SwingUtilities.invokeLater(() -> pad.get().setVisible(true)); // modal: returns when it closes
    await("the PIN pad", () -> pad.get().isShowing());
    SwingUtilities.invokeAndWait(
        () -> {
          for (int i = 0; i < PinGuard.MAX_TRIES; i++) {
            pad.get().press("1");
            pad.get().press("OK");
          }
        });
    assertEquals("Too many wrong PINs. Try again in 60 seconds.", call(() -> pad.get().hint()));
    now.addAndGet(Duration.ofSeconds(16).toNanos());
    await(
        "the countdown to move without a key press", () -> pad.get().hint().contains("44 seconds"));
    int needed = call(() -> pad.get().hintLabel().getPreferredSize().width);
    int given = call(() -> pad.get().hintLabel().getWidth());
    assertTrue(needed <= given, "the lockout text fits the pad: " + needed + " px in " + given);
    for (JButton key : call(() -> buttons(pad.get().getContentPane()))) {
      assertTrue(key.getHeight() >= FINGER, key.getName() + " is " + key.getHeight() + " px high");
    }
    now.addAndGet(PinGuard.LOCKOUT.toNanos());
    await(
        "the question again once the lock ends",
        () -> pad.get().hint().startsWith("Enter the PIN"));
    SwingUtilities.invokeAndWait(() -> pad.get().dispose());
  }

  @Test
  void theOnScreenKeysAreFingerSized() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display (Xvfb missing): UI test skipped");
    AtomicReference<JFrame> frame = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          JFrame f = new JFrame("keyboard");
          f.add(new OnScreenKeyboard(new JTextField(), () -> {}, KioskWindow.FONT * 0.9f));
          f.pack();
          f.setVisible(true);
          frame.set(f);
        });
    try {
      List<JButton> keys = call(() -> buttons(frame.get().getContentPane()));
      assertEquals(43, keys.size());
      for (JButton key : keys) {
        assertTrue(
            key.getHeight() >= FINGER, key.getName() + " is " + key.getHeight() + " px high");
      }
    } finally {
      SwingUtilities.invokeAndWait(() -> frame.get().dispose());
    }
  }

  @Test
  void theIdleTimeoutClosesAnOpenPinPad() throws Exception {
    assumeFalse(GraphicsEnvironment.isHeadless(), "no display (Xvfb missing): UI test skipped");
    AppOptions options =
        new AppOptions(
            Path.of("model"),
            Path.of("data"),
            null,
            null,
            true,
            "default",
            "4321",
            Duration.ofSeconds(2),
            "light");
    AtomicReference<KioskWindow> kiosk = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          kiosk.set(new KioskWindow(options, () -> {}));
          kiosk.get().setVisible(true);
        });
    try {
      SwingUtilities.invokeLater(
          () ->
              kiosk.get().dispatchEvent(new WindowEvent(kiosk.get(), WindowEvent.WINDOW_CLOSING)));
      await("the PIN pad", () -> openPad() != null);
      // nobody touches the kiosk: after the idle timeout the pad goes, the kiosk stays
      await("the pad closed by the idle timeout", () -> openPad() == null);
      assertTrue(call(() -> kiosk.get().isDisplayable()));
    } finally {
      SwingUtilities.invokeAndWait(() -> kiosk.get().shutdown());
    }
    assertFalse(call(() -> kiosk.get().isDisplayable()));
  }

  private static PinPad openPad() {
    for (Window w : Window.getWindows()) {
      if (w instanceof PinPad p && p.isShowing()) {
        return p;
      }
    }
    return null;
  }

  private static List<JButton> buttons(Container root) {
    List<JButton> found = new ArrayList<>();
    for (Component c : root.getComponents()) {
      if (c instanceof JButton b) {
        found.add(b);
      } else if (c instanceof Container k) {
        found.addAll(buttons(k));
      }
    }
    return found;
  }

  private static <T> T call(Supplier<T> s) throws Exception {
    AtomicReference<T> r = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> r.set(s.get()));
    return r.get();
  }

  private static void await(String what, Supplier<Boolean> done) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (call(done)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out waiting for " + what);
  }
}
