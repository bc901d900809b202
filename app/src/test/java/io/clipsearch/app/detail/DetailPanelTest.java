package io.clipsearch.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.app.tasks.BackgroundTasks;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The detail panel's words over the fake server of {@link DetailViewModelTest}, loading at once. */
class DetailPanelTest {

  private static DetailPanel shown(boolean kiosk) throws Exception {
    AtomicReference<DetailPanel> panel = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> {
      BackgroundTasks tasks = new BackgroundTasks(Runnable::run, Runnable::run);
      DetailPanel p = new DetailPanel(new DetailViewModel(new DetailViewModelTest.FakeSource(), tasks, 1600), tasks,
          () -> { }, hit -> { }, i -> { }, !kiosk, 1f);
      p.setKiosk(kiosk);
      p.show(List.of(DetailViewModelTest.hit("a")), "default", 0);
      panel.set(p);
    });
    return panel.get();
  }

  @Test
  void visitorsSeeThePhotosStoryNotItsFileFacts() throws Exception {
    DetailPanel kiosk = shown(true);
    String meta = kiosk.metaText();
    for (String hidden : List.of("Match", "File", "a.png", "Size", "Pixels", "Modified")) {
      assertFalse(meta.contains(hidden), hidden + " in " + meta);
    }
    assertTrue(meta.contains("Canon EOS R5"), meta);
    assertEquals("Photo 1 of 1", kiosk.title());
  }

  @Test
  void aSmallFileIsNotZeroMegabytes() throws Exception {
    DetailPanel desktop = shown(false);
    assertTrue(desktop.metaText().contains("100 bytes"), desktop.metaText());
    assertTrue(desktop.title().startsWith("a.png"), desktop.title());
  }
}
