package io.clipsearch.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.awt.Component;
import java.awt.Container;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * The detail panel's words over the fake server of {@link DetailViewModelTest}, loading at once.
 */
class DetailPanelTest {

  private static DetailPanel shown(boolean kiosk) throws Exception {
    return shown(kiosk, DetailViewModelTest.hit("a"));
  }

  private static DetailPanel shown(boolean kiosk, SearchResultHit hit) throws Exception {
    return shown(kiosk, hit, new DetailViewModelTest.FakeSource());
  }

  private static DetailPanel shown(
      boolean kiosk, SearchResultHit hit, DetailViewModelTest.FakeSource source) throws Exception {
    AtomicReference<DetailPanel> panel = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          BackgroundTasks tasks = new BackgroundTasks(Runnable::run, Runnable::run);
          DetailPanel p =
              new DetailPanel(
                  new DetailViewModel(source, tasks, 1600),
                  tasks,
                  () -> {},
                  h -> {},
                  i -> {},
                  !kiosk,
                  1f);
          p.setKiosk(kiosk);
          p.show(List.of(hit), "default", 0);
          p.setSize(1000, 700);
          layOut(p);
          panel.set(p);
        });
    return panel.get();
  }

  private static void layOut(Container c) {
    c.doLayout();
    for (Component child : c.getComponents()) {
      if (child instanceof Container k) {
        layOut(k);
      }
    }
  }

  private static Component find(Container c, String name) {
    for (Component child : c.getComponents()) {
      Component found =
          name.equals(child.getName())
              ? child
              : child instanceof Container k ? find(k, name) : null;
      if (found != null) {
        return found;
      }
    }
    return null;
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
  void theCreditShowsUnderThePhotoInTheKioskAndOnTheDesktopOnlyWhenThereIsOne() throws Exception {
    String credit = "Bridge by Sander Klootwijk · CC-BY-4.0 / CC-BY-SA-4.0 per debian_copyright";
    DetailViewModelTest.FakeSource source = new DetailViewModelTest.FakeSource();
    source.credit = Map.of("a", credit);
    for (boolean kiosk : new boolean[] {true, false}) {
      DetailPanel panel = shown(kiosk, DetailViewModelTest.hit("a"), source);
      assertEquals(credit, panel.credit(), kiosk ? "kiosk" : "desktop");
      assertTrue(find(panel, "credit").getHeight() > 0, "laid out under the photo");
      assertNull(
          shown(kiosk, DetailViewModelTest.hit("b"), source).credit(), "nobody named: no line");
    }
  }

  @Test
  void aLongFileNameWrapsInsteadOfBeingCut() throws Exception {
    String path =
        "/home/ana/Pictures/2024/PXL_20240612_183512345_HDR_PORTRAIT_edited_final_version.jpg";
    DetailPanel desktop =
        shown(
            false,
            new SearchResultHit(
                "a", path, 0.3, true, false, null, 100, 40, 20, null, "/t/a", "/i/a"));
    JLabel file =
        desktop.metaLabels().stream()
            .filter(l -> l.getText().contains("PXL"))
            .findFirst()
            .orElseThrow();
    int visible = desktop.metaLabels().getFirst().getParent().getParent().getWidth();
    assertTrue(
        file.getPreferredSize().width <= visible,
        "the path needs " + file.getPreferredSize().width + " px of the " + visible + " shown");
  }

  @Test
  void aSmallFileIsNotZeroMegabytes() throws Exception {
    DetailPanel desktop = shown(false);
    assertTrue(desktop.metaText().contains("100 bytes"), desktop.metaText());
    assertTrue(desktop.title().startsWith("a.png"), desktop.title());
  }
}
