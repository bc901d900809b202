package io.clipsearch.app.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.api.types.MapPointInfo;
import io.clipsearch.app.results.ThumbnailCache;
import io.clipsearch.app.results.ThumbnailLoader;
import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.ManualDelay;
import java.awt.FontMetrics;
import java.awt.Point;
import java.awt.Rectangle;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** The map's drawing geometry in the room a 900-pixel window leaves it, without a display. */
class ClusterMapTest {

  @Test
  void pointsOnTheEdgeOfTheWholeMapAreDrawnWhole() throws Exception {
    AtomicReference<String> problems = new AtomicReference<>("");
    SwingUtilities.invokeAndWait(
        () -> {
          BackgroundTasks tasks = new BackgroundTasks(Runnable::run, Runnable::run);
          ClustersViewModel vm =
              new ClustersViewModel(
                  new ClustersViewModelTest.FakeService(), tasks, new ManualDelay());
          ClusterMap map =
              new ClusterMap(
                  vm,
                  new ThumbnailLoader(
                      url -> new byte[0], tasks, new ThumbnailCache(10, 1 << 20), 100, () -> {}),
                  id -> {});
          map.setSize(420, 420);
          Rectangle frame = map.square();
          MapViewport v = vm.viewport();
          StringBuilder b = new StringBuilder();
          for (MapPointInfo corner :
              new MapPointInfo[] {
                new MapPointInfo("a", (float) v.minX(), (float) v.minY(), 0),
                new MapPointInfo(
                    "b", (float) (v.minX() + v.width()), (float) (v.minY() + v.height()), 0)
              }) {
            Point p = map.toScreen(corner);
            Rectangle inner = new Rectangle(frame);
            inner.grow(-ClusterMap.PLOT_INSET + 1, -ClusterMap.PLOT_INSET + 1);
            if (!inner.contains(p)) {
              b.append(corner.id())
                  .append(" at ")
                  .append(p)
                  .append(" is on the frame ")
                  .append(frame)
                  .append("; ");
            }
          }
          problems.set(b.toString());
        });
    assertEquals("", problems.get());
  }

  @Test
  void aHintTooWideForTheMapLosesWholePartsFirst() throws Exception {
    AtomicReference<String> cut = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          JLabel label = new JLabel();
          FontMetrics fm = label.getFontMetrics(label.getFont());
          String all = "wheel: zoom · drag: pan · double-click: whole map";
          cut.set(ClusterMap.fitted(all, fm, fm.stringWidth("wheel: zoom · drag: pan") + 2));
        });
    assertEquals("wheel: zoom · drag: pan", cut.get());
  }
}
