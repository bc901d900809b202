package io.clipsearch.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The status line in the narrowest window the app allows (900 pixels). */
class StatusBarTest {

  @Test
  void theResultCountIsNotCutByTheModelNotice() throws Exception {
    AtomicReference<String> fit = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          StatusBar bar = new StatusBar();
          bar.modelNotice()
              .setText(
                  "Using the bundled mini model: search works, but a larger model finds more."
                      + " Run ./clipsearch pull to get one.");
          bar.say("1,234 confident matches · 100 shown (scroll for more) · 35 ms");
          bar.setSize(900, 30);
          bar.doLayout();
          fit.set(bar.statusLine().getWidth() + " " + bar.statusLine().getPreferredSize().width);
        });
    String[] w = fit.get().split(" ");
    assertTrue(
        Integer.parseInt(w[0]) >= Integer.parseInt(w[1]),
        "the status needs " + w[1] + " px, got " + w[0]);
  }
}
