package io.clipsearch.app.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.SearchQuery;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.app.places.GeoArea;
import io.clipsearch.app.search.QueryHistory;
import io.clipsearch.app.search.SearchClient;
import io.clipsearch.app.search.SearchViewModel;
import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.ManualDelay;
import java.awt.Component;
import java.awt.Container;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/**
 * The results grid without a server: in kiosk mode photos only, nothing inviting a drop visitors
 * cannot make; columns that fill its width.
 */
public class ResultsPanelTest {

  /** A server without photos: the grid stays on its idle screen. */
  public static final class NoPhotos implements SearchClient {
    @Override
    public SearchResults search(SearchQuery query) {
      return new SearchResults(List.of(), 0, 0, 0, false, 0, query.collection(), null);
    }

    @Override
    public SearchResults searchByImage(byte[] image, SearchQuery query) {
      return search(query);
    }

    @Override
    public SearchResults browse(SearchQuery query) {
      return search(query);
    }

    @Override
    public SearchResults photosIn(String collection, GeoArea area, int offset, int limit) {
      return new SearchResults(List.of(), 0, 0, 0, false, 0, collection, null);
    }
  }

  static final SearchResultHit BY_NAME =
      new SearchResultHit(
          "a",
          "/photos/IMG_2041.jpg",
          0.31,
          true,
          true,
          "name",
          1000,
          640,
          480,
          null,
          "/t/a",
          "/i/a");

  private static ResultsPanel panel(boolean kiosk) throws Exception {
    AtomicReference<ResultsPanel> panel = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          BackgroundTasks tasks = new BackgroundTasks(Runnable::run, Runnable::run);
          SearchViewModel search =
              new SearchViewModel(
                  new NoPhotos(), tasks, new ManualDelay(), new QueryHistory(List.of()));
          ResultsPanel p =
              new ResultsPanel(
                  search,
                  url -> new byte[0],
                  tasks,
                  new ThumbnailCache(10, 1 << 20),
                  new ResultsPanel.Actions() {
                    @Override
                    public void open(int index) {}

                    @Override
                    public void moreLike(SearchResultHit hit) {}
                  },
                  200);
          p.setKiosk(kiosk);
          search.clear();
          panel.set(p);
        });
    return panel.get();
  }

  @Test
  void visitorsSeePhotosWithoutFileNamesOrMatchBadges() throws Exception {
    assertEquals("", panel(true).cellText(BY_NAME));
    assertEquals("0.310 · name\nIMG_2041.jpg", panel(false).cellText(BY_NAME));
  }

  @Test
  void theColumnsFillTheGridsWidth() throws Exception {
    ResultsPanel panel = panel(false);
    SwingUtilities.invokeAndWait(
        () -> {
          panel.setSize(1030, 600);
          layOut(panel);
        });
    AtomicReference<int[]> sizes = new AtomicReference<>();
    // the viewport's resize is an event of its own: read after it
    SwingUtilities.invokeAndWait(
        () ->
            sizes.set(
                new int[] {panel.grid().getParent().getWidth(), panel.grid().getFixedCellWidth()}));
    int viewport = sizes.get()[0];
    int columns = viewport / sizes.get()[1];
    assertTrue(columns > 1, viewport + " px");
    assertTrue(
        viewport - columns * sizes.get()[1] < columns,
        "at most a pixel a column left over, not a strip: "
            + viewport
            + " px in cells of "
            + sizes.get()[1]);
  }

  private static void layOut(Container c) {
    c.doLayout();
    for (Component child : c.getComponents()) {
      if (child instanceof Container k) {
        layOut(k);
      }
    }
  }

  @Test
  void theKioskDoesNotInviteADrop() throws Exception {
    assertEquals("Type what you are looking for.", panel(true).emptyMessage().getText());
    assertEquals(
        "Type to search your photos, or drop an image here.",
        panel(false).emptyMessage().getText());
  }
}
