package io.clipsearch.app;

import com.formdev.flatlaf.FlatClientProperties;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.clusters.ClustersPanel;
import io.clipsearch.app.collections.CollectionsPanel;
import io.clipsearch.app.collections.CollectionsViewModel;
import io.clipsearch.app.collections.UnfinishedIndexingBar;
import io.clipsearch.app.connection.ConnectionBanner;
import io.clipsearch.app.detail.DetailPanel;
import io.clipsearch.app.net.ClipsearchClient;
import io.clipsearch.app.places.PlacesPanel;
import io.clipsearch.app.places.WorldOutline;
import io.clipsearch.app.results.ResultsPanel;
import io.clipsearch.app.results.ThumbnailCache;
import io.clipsearch.app.results.ThumbnailLoader;
import io.clipsearch.app.search.FiltersPanel;
import io.clipsearch.app.search.SearchBar;
import io.clipsearch.app.search.SearchViewModel;
import io.clipsearch.app.settings.AppSettings;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Desktop;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.GridBagLayout;
import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JRootPane;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import javax.swing.WindowConstants;

/**
 * The desktop app's window: search bar, filters, results grid / detail view, collections, the
 * clusters browser and map, the places map; a connection banner, the notice of an interrupted
 * indexing and a status line. It lays out and wires the views to their view-models (made by {@link
 * WindowModels}); it owns the window's {@link BackgroundTasks}.
 *
 * <p>Shown at once with a "starting" screen; {@link #connected} builds the rest when the server
 * answers. EDT only.
 */
public final class MainWindow extends JFrame implements AppWindow {

  private final AppSettings settings;
  private final Runnable onClosed;
  private static final String QUIT = "Quit";
  private static final String KEEP_INDEXING = "Keep indexing";

  private boolean shutDown;

  /** Quitting waits for the cancelled job to end. */
  private boolean stopping;

  private JScrollPane filterScroll;
  private ClipsearchClient client;
  private CollectionsPanel collectionsPanel;
  private final BackgroundTasks tasks = BackgroundTasks.swing("clipsearch-ui", 6);
  private final JPanel root = new JPanel(new CardLayout());
  private final JLabel startingText =
      new JLabel("Starting the search engine…", SwingConstants.CENTER);
  private final JProgressBar startingBar = new JProgressBar();
  private final StatusBar statusBar = new StatusBar();

  private WindowModels models;
  private SearchViewModel search;
  private CollectionsViewModel collections;
  private ClustersPanel clustersPanel;
  private PlacesPanel placesPanel;
  private TopBar topBar;
  private UnfinishedIndexingBar unfinishedIndexing;
  private SearchBar searchBar;
  private FiltersPanel filters;
  private ResultsPanel results;
  private DetailPanel detail;
  private JTabbedPane tabs;
  private final CardLayout searchCards = new CardLayout();
  private final JPanel searchArea = new JPanel(searchCards);

  public MainWindow(AppSettings settings, Runnable onClosed) {
    super("clipsearch");
    this.settings = settings;
    this.onClosed = onClosed;
    setName("mainWindow");
    setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
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
    root.add(starting, "starting");
    setContentPane(root);

    addWindowListener(
        new WindowAdapter() {
          @Override
          public void windowClosing(WindowEvent e) {
            if (stopping || collections == null || collections.jobId() == null) {
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
    String collection = collections.jobCollection();
    startingText.setText("Stopping indexing… keeping what is indexed so far.");
    startingBar.setVisible(true);
    ((CardLayout) root.getLayout()).show(root, "starting");
    collections.cancel(
        () -> {
          settings.setUnfinishedIndexing(collection, collections.notYetIndexed());
          shutdown();
        });
  }

  /** Saves the settings and closes at once (no questions): the program ends. */
  @Override
  public void shutdown() {
    if (shutDown) {
      return;
    }
    shutDown = true;
    saveSettings();
    tasks.close();
    dispose();
    onClosed.run();
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
   * Builds the working window once the server answers: the view models, the search tab, the other
   * tabs, the frame around them, then what follows the models.
   *
   * @param localFiles whether the server sees this machine's files (embedded mode): file choosers,
   *     open-in-folder
   */
  public void connected(ClipsearchClient client, boolean localFiles, String modeText) {
    this.client = client;
    setTitle("clipsearch — " + modeText);
    models = WindowModels.create(client, tasks, settings, DetailPanel.photoSide());
    search = models.search();
    collections = models.collections();
    JPanel searchTab = searchTab(localFiles);
    tabs = tabs(searchTab, localFiles);
    unfinishedIndexing = new UnfinishedIndexingBar(settings, collections);
    showMain(
        new TopBar(search, searchBar, results, settings, this::chooseExample),
        new ConnectionBanner(models.monitor(), client.base()),
        unfinishedIndexing);
    followModels();
    installShortcuts();
    searchBar.focusSearch();
    revalidate();
  }

  /** The search bar, the filters at the left, the results grid and the detail view. */
  private JPanel searchTab(boolean localFiles) {
    searchBar = new SearchBar(search, 1.15f, true);
    filters = new FiltersPanel(search, localFiles);
    ResultsPanel[] self = new ResultsPanel[1]; // the loader repaints the panel it feeds
    ThumbnailLoader thumbnails =
        new ThumbnailLoader(
            client::bytes,
            tasks,
            new ThumbnailCache(600, 96L << 20),
            180,
            () -> self[0].repaintThumbnails());
    results =
        new ResultsPanel(
            search,
            thumbnails,
            new ResultActions(
                this::openDetail,
                this::moreLike,
                localFiles ? hit -> openFolder(hit.path()) : null,
                this::chooseExportFolder),
            180);
    self[0] = results;
    ImageTransfer transfer = new ImageTransfer(this::searchByExample);
    results.setTransferHandler(transfer);
    results.grid().setTransferHandler(transfer);
    detail =
        new DetailPanel(
            models.detail(),
            tasks,
            this::showResults,
            this::moreLike,
            results::select,
            localFiles,
            1.0f);

    searchArea.add(results, "results");
    searchArea.add(detail, "detail");
    filterScroll = new JScrollPane(filters);
    filterScroll.setBorder(
        BorderFactory.createMatteBorder(0, 0, 0, 1, UIManager.getColor("Component.borderColor")));
    filterScroll.setPreferredSize(new Dimension(230, 100));
    JPanel searchTab = new JPanel(new BorderLayout());
    searchTab.add(filterScroll, BorderLayout.WEST);
    searchTab.add(searchArea, BorderLayout.CENTER);
    return searchTab;
  }

  /** Search, Collections, Clusters &amp; map, Places; the maps load when their tab is shown. */
  private JTabbedPane tabs(JPanel searchTab, boolean localFiles) {
    JTabbedPane t = new JTabbedPane();
    t.setName("tabs");
    t.addTab("Search", searchTab);
    collectionsPanel = new CollectionsPanel(collections, localFiles);
    t.addTab("Collections", collectionsPanel);
    ClustersPanel[] self = new ClustersPanel[1];
    ThumbnailLoader clusterThumbnails =
        new ThumbnailLoader(
            client::bytes,
            tasks,
            new ThumbnailCache(300, 32L << 20),
            128,
            () -> self[0].repaintThumbnails());
    clustersPanel =
        new ClustersPanel(
            models.clusters(),
            clusterThumbnails,
            id -> {
              t.setSelectedIndex(0);
              showResults();
              search.moreLike(id);
            });
    self[0] = clustersPanel;
    t.addTab("Clusters & map", clustersPanel);
    placesPanel =
        new PlacesPanel(
            models.places(),
            WorldOutline.bundled(),
            cluster -> {
              t.setSelectedIndex(0);
              showResults();
              search.showPlace(cluster.area());
            });
    t.addTab("Places", placesPanel);
    t.addChangeListener(e -> showMapsIfSelected());
    return t;
  }

  /**
   * The map tab on screen loads (again) what went stale: another collection, a finished indexing.
   */
  private void showMapsIfSelected() {
    if (tabs.getSelectedComponent() == clustersPanel) {
      models.clusters().setCollection(search.collection());
      models.clusters().showing();
    } else if (tabs.getSelectedComponent() == placesPanel) {
      models.places().setCollection(search.collection());
      models.places().showing();
    }
  }

  /**
   * The top bar and the notices under it, the tabs, the status bar: replaces the starting screen.
   */
  private void showMain(TopBar top, ConnectionBanner banner, UnfinishedIndexingBar unfinished) {
    topBar = top;
    JPanel notices = new JPanel(new BorderLayout());
    notices.add(banner, BorderLayout.NORTH);
    notices.add(unfinished, BorderLayout.SOUTH);
    JPanel north = new JPanel(new BorderLayout());
    north.add(top, BorderLayout.CENTER);
    north.add(notices, BorderLayout.SOUTH);
    statusBar.showModelNotice(tasks, client::model);
    JPanel main = new JPanel(new BorderLayout());
    main.add(north, BorderLayout.NORTH);
    main.add(tabs, BorderLayout.CENTER);
    main.add(statusBar, BorderLayout.SOUTH);
    root.add(main, "main");
    ((CardLayout) root.getLayout()).show(root, "main");
  }

  /** What the views do when the models change. */
  private void followModels() {
    search.addListener(s -> statusBar.say(s.summary()));
    collections.addListener(this::updateCollections);
    Runnable mapsChanged =
        () -> {
          models.clusters().invalidate();
          models.places().invalidate();
          showMapsIfSelected();
        };
    models.monitor().onReconnected(mapsChanged);
    collections.onIndexed(mapsChanged);
    collections.refresh();
  }

  private void moreLike(SearchResultHit hit) {
    showResults();
    search.moreLike(hit.id());
  }

  private void installShortcuts() {
    int menu = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
    shortcut(
        KeyStroke.getKeyStroke(KeyEvent.VK_F, menu),
        "focusSearch",
        () -> {
          tabs.setSelectedIndex(0);
          showResults();
          searchBar.focusSearch();
        });
    shortcut(
        KeyStroke.getKeyStroke(KeyEvent.VK_V, menu | KeyEvent.SHIFT_DOWN_MASK),
        "pasteImage",
        () ->
            ImageTransfer.bytesOf(
                    Toolkit.getDefaultToolkit().getSystemClipboard().getContents(null))
                .ifPresentOrElse(
                    this::searchByExample,
                    () ->
                        JOptionPane.showMessageDialog(
                            this,
                            "The clipboard holds no image.",
                            "Search by image",
                            JOptionPane.INFORMATION_MESSAGE)));
    shortcut(
        KeyStroke.getKeyStroke(KeyEvent.VK_DOWN, menu),
        "toResults",
        () -> {
          results.grid().requestFocusInWindow();
          if (results.grid().getSelectedIndex() < 0) {
            results.select(0);
          }
        });
  }

  private void shortcut(KeyStroke key, String name, Runnable r) {
    getRootPane().getInputMap(JRootPane.WHEN_IN_FOCUSED_WINDOW).put(key, name);
    getRootPane()
        .getActionMap()
        .put(
            name,
            new AbstractAction() {
              @Override
              public void actionPerformed(ActionEvent e) {
                r.run();
              }
            });
  }

  private void searchByExample(Callable<byte[]> read) {
    tabs.setSelectedIndex(0);
    showResults();
    tasks.submit(
        read,
        search::searchByExample,
        e ->
            JOptionPane.showMessageDialog(
                this,
                "Cannot read the image: " + e.getMessage(),
                "Search by image",
                JOptionPane.WARNING_MESSAGE));
  }

  private void chooseExample() {
    javax.swing.JFileChooser chooser =
        new javax.swing.JFileChooser(AppSettings.picturesDir(System.getenv()).toFile());
    chooser.setFileFilter(
        new javax.swing.filechooser.FileNameExtensionFilter(
            "Images", "jpg", "jpeg", "png", "webp", "gif", "bmp", "tif", "tiff"));
    if (chooser.showOpenDialog(this) == javax.swing.JFileChooser.APPROVE_OPTION) {
      Path file = chooser.getSelectedFile().toPath();
      searchByExample(() -> java.nio.file.Files.readAllBytes(file));
    }
  }

  private void chooseExportFolder(java.util.List<SearchResultHit> photos) {
    javax.swing.JFileChooser chooser =
        new javax.swing.JFileChooser(AppSettings.picturesDir(System.getenv()).toFile());
    chooser.setDialogTitle(
        "Export " + photos.size() + (photos.size() == 1 ? " photo" : " photos") + " to");
    chooser.setFileSelectionMode(javax.swing.JFileChooser.DIRECTORIES_ONLY);
    if (chooser.showSaveDialog(this) == javax.swing.JFileChooser.APPROVE_OPTION) {
      exportSelection(photos, chooser.getSelectedFile().toPath());
    }
  }

  /**
   * Copies {@code photos} into {@code folder} in the background; the status line tells the outcome.
   */
  void exportSelection(java.util.List<SearchResultHit> photos, Path folder) {
    statusBar.say("Exporting " + photos.size() + " photos…");
    tasks.submit(
        () -> io.clipsearch.app.results.PhotoExport.export(photos, folder, client::bytes),
        written -> statusBar.say("Exported " + written.size() + " photos to " + folder + "."),
        e ->
            JOptionPane.showMessageDialog(
                this,
                "The export stopped: "
                    + e.getMessage()
                    + "\nThe photos already copied stay in "
                    + folder
                    + ".",
                "Export",
                JOptionPane.WARNING_MESSAGE));
  }

  /** Opens result {@code index} in the detail view (Enter or double click; tests). */
  void openDetail(int index) {
    search.history().record(search.text());
    detail.show(search.state().hits(), search.collection(), index);
    // the filters do nothing for one photo: their column goes to the photo in small windows
    filterScroll.setVisible(false);
    searchCards.show(searchArea, "detail");
    detail.requestFocusInWindow();
  }

  private void showResults() {
    filterScroll.setVisible(true);
    searchCards.show(searchArea, "results");
    results.grid().requestFocusInWindow();
  }

  private void openFolder(String path) {
    Path folder = Path.of(path).getParent();
    tasks.submit(
        () -> {
          if (!Desktop.isDesktopSupported()
              || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            throw new UnsupportedOperationException(
                "this desktop cannot open folders; the folder is " + folder);
          }
          Desktop.getDesktop().open(folder.toFile());
          return folder;
        },
        f -> {},
        e ->
            JOptionPane.showMessageDialog(
                this, e.getMessage(), "Open folder", JOptionPane.WARNING_MESSAGE));
  }

  private void updateCollections() {
    String shown = search.collection();
    tasks.submit(
        () -> client.cameras(shown),
        filters::setCameras,
        e -> filters.setCameras(java.util.List.of()));
    // a server indexing the first photos (here or started elsewhere) is past the first run
    boolean indexing =
        collections.starting()
            || collections.jobId() != null
            || collections.collections().stream().anyMatch(c -> c.activeJob() != null);
    results.setFirstRun(
        !indexing && collections.collections().stream().allMatch(c -> c.documents() == 0),
        () -> {
          tabs.setSelectedIndex(1);
          collectionsPanel.addFolder();
        });
    topBar.setCollections(collections.collections());
  }

  private void saveSettings() {
    boolean maximized = (getExtendedState() & Frame.MAXIMIZED_BOTH) == Frame.MAXIMIZED_BOTH;
    settings.setWindowMaximized(maximized);
    if (!maximized) {
      settings.setWindowBounds(getBounds());
    }
    if (search != null) {
      settings.setHistory(search.history().entries());
      settings.setLastCollection(search.collection());
    }
    try {
      settings.save();
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(MainWindow.class)
          .warn("settings not saved: {}", e.getMessage());
    }
  }

  private static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;");
  }

  // accessors for UI tests

  public SearchViewModel searchModel() {
    return search;
  }

  public CollectionsViewModel collectionsModel() {
    return collections;
  }

  public SearchBar searchBar() {
    return searchBar;
  }

  public FiltersPanel filters() {
    return filters;
  }

  public ResultsPanel results() {
    return results;
  }

  public DetailPanel detail() {
    return detail;
  }

  public ClustersPanel clustersPanel() {
    return clustersPanel;
  }

  public JTabbedPane tabs() {
    return tabs;
  }

  /** The notice of photos never indexed because the app was closed while indexing. */
  public UnfinishedIndexingBar unfinishedIndexing() {
    return unfinishedIndexing;
  }

  public PlacesPanel placesPanel() {
    return placesPanel;
  }

  public JLabel statusLine() {
    return statusBar.statusLine();
  }

  /** The model notice at the right of the status bar (empty when the server has none). */
  public JLabel modelNotice() {
    return statusBar.modelNotice();
  }

  /** Whether the detail card is showing. */
  public boolean detailShowing() {
    return detail != null && detail.isShowing();
  }
}
