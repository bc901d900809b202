package io.clipsearch.app;

import com.formdev.flatlaf.FlatClientProperties;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.clusters.ClustersPanel;
import io.clipsearch.app.collections.CollectionsViewModel;
import io.clipsearch.app.collections.UnfinishedIndexingBar;
import io.clipsearch.app.detail.DetailPanel;
import io.clipsearch.app.net.ClipsearchClient;
import io.clipsearch.app.people.PeoplePanel;
import io.clipsearch.app.places.PlacesPanel;
import io.clipsearch.app.results.ResultsPanel;
import io.clipsearch.app.search.FiltersPanel;
import io.clipsearch.app.search.SearchBar;
import io.clipsearch.app.search.SearchViewModel;
import io.clipsearch.app.settings.AppSettings;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.GridBagLayout;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.util.List;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JTabbedPane;
import javax.swing.SwingConstants;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's window: a "starting" screen at once, then the {@link MainScreen} (search,
 * collections, clusters, places) that {@link #connected} builds when the server answers. It owns
 * the window's {@link BackgroundTasks} and the closing: saving the settings, and asking before
 * quitting while photos are being indexed.
 *
 * <p>EDT only.
 */
public final class MainWindow extends AppWindow {

  private static final String QUIT = "Quit";
  private static final String KEEP_INDEXING = "Keep indexing";
  private static final String STARTING = "starting";
  private static final String MAIN = "main";

  private final AppSettings settings;
  private final BackgroundTasks tasks = BackgroundTasks.swing("clipsearch-ui", 6);
  private final CardLayout cards = new CardLayout();
  private final JPanel root = new JPanel(cards);
  private final JLabel startingText =
      new JLabel("Starting the search engine…", SwingConstants.CENTER);
  private final JProgressBar startingBar = new JProgressBar();

  /** The working screen; null until the server answers. */
  private MainScreen screen;

  /** Quitting waits for the cancelled job to end. */
  private boolean stopping;

  public MainWindow(AppSettings settings, Runnable onClosed) {
    super("clipsearch", onClosed);
    this.settings = settings;
    setName("mainWindow");
    setMinimumSize(new Dimension(900, 600));
    settings
        .windowBounds()
        .ifPresentOrElse(
            this::setBounds,
            () -> {
              setSize(1280, 820);
              setLocationByPlatform(true);
            });
    if (settings.windowMaximized()) {
      setExtendedState(Frame.MAXIMIZED_BOTH);
    }

    JPanel starting = new JPanel(new GridBagLayout());
    JPanel box = new JPanel(new BorderLayout(0, 12));
    startingText.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
    startingBar.setIndeterminate(true);
    box.add(startingText, BorderLayout.NORTH);
    box.add(startingBar, BorderLayout.CENTER);
    starting.add(box);
    root.add(starting, STARTING);
    setContentPane(root);

    addWindowListener(
        new WindowAdapter() {
          @Override
          public void windowClosing(WindowEvent e) {
            if (stopping || screen == null || screen.collectionsModel().jobId() == null) {
              shutdown(); // a second close while stopping: quit without waiting
            } else if (confirmStopIndexing()) {
              stopIndexingThenQuit();
            }
          }
        });
  }

  /**
   * Closing while indexing: the photos not yet indexed stay unsearchable until the next run, so ask
   * first, keeping indexing the default answer.
   */
  private boolean confirmStopIndexing() {
    Object[] answers = {QUIT, KEEP_INDEXING};
    int answer =
        JOptionPane.showOptionDialog(
            this,
            "Photos are still being indexed. If you quit now, the rest stay unsearchable until you index again.\n"
                + "Quit anyway?",
            "Indexing is running",
            JOptionPane.YES_NO_OPTION,
            JOptionPane.WARNING_MESSAGE,
            null,
            answers,
            KEEP_INDEXING);
    return answer == 0;
  }

  /**
   * Cancels the job and quits once it has ended: the job commits the batch it is embedding first,
   * so quitting at once would leave the process indexing (and holding the index) unseen, and the
   * count of photos left would be too high.
   */
  private void stopIndexingThenQuit() {
    stopping = true;
    CollectionsViewModel collections = screen.collectionsModel();
    String collection = collections.jobCollection();
    startingText.setText("Stopping indexing… keeping what is indexed so far.");
    startingBar.setVisible(true);
    cards.show(root, STARTING);
    collections.cancel(
        () -> {
          settings.setUnfinishedIndexing(collection, collections.notYetIndexed());
          shutdown();
        });
  }

  /** Saves the settings and closes the tasks: a shutdown ends the program. */
  @Override
  protected void release() {
    saveSettings();
    tasks.close();
  }

  /** The server could not be started or reached: say why, plainly. */
  public void failedToStart(String message) {
    startingText.setText(
        "<html><div style='text-align:center;width:520px'>The search engine did not start.<br><br>"
            + escape(message)
            + "</div></html>");
    startingBar.setVisible(false);
  }

  /**
   * Builds the working screen once the server answers and shows it in place of the starting one.
   *
   * @param localFiles whether the server sees this machine's files (embedded mode): file choosers,
   *     open-in-folder
   */
  public void connected(ClipsearchClient client, boolean localFiles, String modeText) {
    setTitle("clipsearch — " + modeText);
    screen = new MainScreen(client, localFiles, tasks, settings);
    root.add(screen, MAIN);
    cards.show(root, MAIN);
    screen.start();
    revalidate();
  }

  private void saveSettings() {
    boolean maximized = (getExtendedState() & Frame.MAXIMIZED_BOTH) == Frame.MAXIMIZED_BOTH;
    settings.setWindowMaximized(maximized);
    if (!maximized) {
      settings.setWindowBounds(getBounds());
    }
    if (screen != null) {
      SearchViewModel search = screen.searchModel();
      settings.setHistory(search.history().entries());
      settings.setLastCollection(search.collection());
    }
    try {
      settings.save();
    } catch (RuntimeException e) {
      LoggerFactory.getLogger(MainWindow.class).warn("settings not saved: {}", e.getMessage());
    }
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;");
  }

  // the screen's parts, for UI tests

  /** The search view-model; null until the server answers. */
  SearchViewModel searchModel() {
    return screen == null ? null : screen.searchModel();
  }

  CollectionsViewModel collectionsModel() {
    return screen.collectionsModel();
  }

  SearchBar searchBar() {
    return screen.searchBar();
  }

  FiltersPanel filters() {
    return screen.filters();
  }

  ResultsPanel results() {
    return screen.results();
  }

  DetailPanel detail() {
    return screen.detail();
  }

  ClustersPanel clustersPanel() {
    return screen.clustersPanel();
  }

  PlacesPanel placesPanel() {
    return screen.placesPanel();
  }

  PeoplePanel peoplePanel() {
    return screen.peoplePanel();
  }

  JTabbedPane tabs() {
    return screen.tabs();
  }

  /** The notice of photos never indexed because the app was closed while indexing. */
  UnfinishedIndexingBar unfinishedIndexing() {
    return screen.unfinishedIndexing();
  }

  JLabel statusLine() {
    return screen.statusLine();
  }

  /** The model notice at the right of the status bar (empty when the server has none). */
  JLabel modelNotice() {
    return screen.modelNotice();
  }

  MainScreen screen() {
    return screen;
  }

  void openDetail(int index) {
    screen.openDetail(index);
  }

  void exportSelection(List<SearchResultHit> photos, Path folder) {
    screen.exportSelection(photos, folder);
  }
}
