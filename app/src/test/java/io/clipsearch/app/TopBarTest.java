package io.clipsearch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.api.types.CollectionInfo;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.results.ResultsPanel;
import io.clipsearch.app.results.ResultsPanelTest;
import io.clipsearch.app.results.ThumbnailCache;
import io.clipsearch.app.search.QueryHistory;
import io.clipsearch.app.search.SearchBar;
import io.clipsearch.app.search.SearchViewModel;
import io.clipsearch.app.settings.AppSettings;
import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.ManualDelay;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The top bar before and after the server lists its collections. */
class TopBarTest {

  @TempDir Path settings;

  @Test
  void theCollectionBoxNamesTheCollectionSearchedBeforeTheListComes() throws Exception {
    AtomicReference<TopBar> bar = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          BackgroundTasks tasks = new BackgroundTasks(Runnable::run, Runnable::run);
          SearchViewModel search =
              new SearchViewModel(
                  new ResultsPanelTest.NoPhotos(),
                  tasks,
                  new ManualDelay(),
                  new QueryHistory(List.of()));
          ResultsPanel results =
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
          bar.set(
              new TopBar(
                  search,
                  new SearchBar(search, 1f, true),
                  results,
                  AppSettings.load(settings),
                  () -> {},
                  () -> {}));
        });
    assertEquals(
        "default", EmbeddedAppUiTest.call(() -> bar.get().collectionBox().getSelectedItem()));
    SwingUtilities.invokeAndWait(
        () ->
            bar.get()
                .setCollections(
                    List.of(new CollectionInfo("trips", List.of(), "int8", 0, 0, "m", null))));
    assertEquals(2, (int) EmbeddedAppUiTest.call(() -> bar.get().collectionBox().getItemCount()));
  }
}
