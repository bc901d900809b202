package io.clipsearch.app;

import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.clusters.ClustersPanel;
import io.clipsearch.app.collections.CollectionsPanel;
import io.clipsearch.app.collections.CollectionsViewModel;
import io.clipsearch.app.collections.UnfinishedIndexingBar;
import io.clipsearch.app.connection.ConnectionBanner;
import io.clipsearch.app.detail.DetailPanel;
import io.clipsearch.app.keys.KeyBindings;
import io.clipsearch.app.models.ModelsClient;
import io.clipsearch.app.models.ModelsDialog;
import io.clipsearch.app.models.ModelsViewModel;
import io.clipsearch.app.net.ClipsearchClient;
import io.clipsearch.app.people.PeoplePanel;
import io.clipsearch.app.places.GeoArea;
import io.clipsearch.app.places.PlacesPanel;
import io.clipsearch.app.places.WorldOutline;
import io.clipsearch.app.results.PhotoExport;
import io.clipsearch.app.results.ResultsPanel;
import io.clipsearch.app.results.ThumbnailCache;
import io.clipsearch.app.search.FiltersPanel;
import io.clipsearch.app.search.SearchBar;
import io.clipsearch.app.search.SearchViewModel;
import io.clipsearch.app.settings.AppSettings;
import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.Delay;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Desktop;
import java.awt.Dimension;
import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.filechooser.FileNameExtensionFilter;

/**
 * The main window's content once the server answers: the top bar and the notices under it, the tabs
 * (search: filters, results grid and detail view; collections; clusters and map; places; people)
 * and the status bar. It lays out the views and wires them to the view-models of one {@link
 * WindowModels}; every part is made once, in the constructor, for one server.
 *
 * <p>EDT only. The window owns the {@link BackgroundTasks} it is given and closes them.
 */
final class MainScreen extends JPanel {

  private static final String RESULTS = "results";
  private static final String DETAIL = "detail";
  private static final int SEARCH_TAB = 0;
  private static final int COLLECTIONS_TAB = 1;

  private final ClipsearchClient client;
  private final BackgroundTasks tasks;
  private final WindowModels models;
  private final SearchViewModel search;
  private final CollectionsViewModel collections;
  private final StatusBar statusBar = new StatusBar();
  private final SearchBar searchBar;
  private final FiltersPanel filters;
  private final JScrollPane filterColumn;
  private final ResultsPanel results;
  private final DetailPanel detail;
  private final CardLayout searchCards = new CardLayout();
  private final JPanel searchArea = new JPanel(searchCards);
  private final CollectionsPanel collectionsPanel;
  private final ClustersPanel clustersPanel;
  private final PlacesPanel placesPanel;
  private final PeoplePanel peoplePanel;
  private final JTabbedPane tabs = new JTabbedPane();
  private final TopBar topBar;
  private final UnfinishedIndexingBar unfinishedIndexing;
  private final ModelsViewModel modelsModel;
  private ModelsDialog modelsDialog; // made when first opened

  /**
   * @param localFiles whether the server sees this machine's files (embedded mode): file choosers,
   *     open-in-folder
   */
  MainScreen(
      ClipsearchClient client, boolean localFiles, BackgroundTasks tasks, AppSettings settings) {
    super(new BorderLayout());
    this.client = client;
    this.tasks = tasks;
    models = WindowModels.create(client, tasks, settings, DetailPanel.photoSide());
    search = models.search();
    collections = models.collections();
    searchBar = new SearchBar(search, 1.15f, true);
    filters = new FiltersPanel(search, localFiles);
    filterColumn = new JScrollPane(filters);
    results =
        new ResultsPanel(
            search,
            client::bytes,
            tasks,
            new ThumbnailCache(600, 96L << 20),
            new ResultActions(
                this::openDetail,
                this::moreLike,
                localFiles ? hit -> openFolder(hit.path()) : null,
                this::chooseExportFolder),
            180);
    detail =
        new DetailPanel(
            models.detail(),
            tasks,
            this::showResults,
            this::moreLike,
            results::select,
            localFiles,
            1.0f);
    collectionsPanel = new CollectionsPanel(collections, localFiles);
    clustersPanel =
        new ClustersPanel(
            models.clusters(),
            client::bytes,
            tasks,
            new ThumbnailCache(300, 32L << 20),
            this::searchLike);
    placesPanel =
        new PlacesPanel(
            models.places(), WorldOutline.bundled(), cluster -> showPlace(cluster.area()));
    peoplePanel = new PeoplePanel(models.people(), client::bytes, tasks);
    topBar =
        new TopBar(search, searchBar, results, settings, this::chooseExample, this::openModels);
    modelsModel = new ModelsViewModel(ModelsClient.of(client), tasks, Delay.swing());
    unfinishedIndexing = new UnfinishedIndexingBar(settings, collections);
    layOutTabs();
    layOutFrame(new ConnectionBanner(models.monitor(), client.base()));
    followModels();
    installShortcuts();
  }

  /** Loads what the screen shows first and puts the caret in the search field; once shown. */
  void start() {
    collections.refresh();
    searchBar.focusSearch();
  }

  /** The search tab (filters at the left, results grid or detail view), then the others. */
  private void layOutTabs() {
    ImageTransfer transfer = new ImageTransfer(this::searchByExample);
    results.setTransferHandler(transfer);
    results.grid().setTransferHandler(transfer);
    searchArea.add(results, RESULTS);
    searchArea.add(detail, DETAIL);
    filterColumn.setBorder(
        BorderFactory.createMatteBorder(0, 0, 0, 1, UIManager.getColor("Component.borderColor")));
    filterColumn.setPreferredSize(new Dimension(230, 100));
    JPanel searchTab = new JPanel(new BorderLayout());
    searchTab.add(filterColumn, BorderLayout.WEST);
    searchTab.add(searchArea, BorderLayout.CENTER);

    tabs.setName("tabs");
    tabs.addTab("Search", searchTab);
    tabs.addTab("Collections", collectionsPanel);
    tabs.addTab("Clusters & map", clustersPanel);
    tabs.addTab("Places", placesPanel);
    tabs.addTab("People", peoplePanel);
    tabs.addChangeListener(e -> showMapsIfSelected());
  }

  /** The top bar and the notices under it, the tabs, the status bar. */
  private void layOutFrame(ConnectionBanner banner) {
    JPanel notices = new JPanel(new BorderLayout());
    notices.add(banner, BorderLayout.NORTH);
    notices.add(unfinishedIndexing, BorderLayout.SOUTH);
    JPanel north = new JPanel(new BorderLayout());
    north.add(topBar, BorderLayout.CENTER);
    north.add(notices, BorderLayout.SOUTH);
    statusBar.showModelNotice(tasks, client::model);
    statusBar.onNoticeClicked(this::openModels);
    add(north, BorderLayout.NORTH);
    add(tabs, BorderLayout.CENTER);
    add(statusBar, BorderLayout.SOUTH);
  }

  /** What the views do when the models change. */
  private void followModels() {
    search.addListener(s -> statusBar.say(s.summary()));
    collections.addListener(this::updateCollections);
    Runnable mapsChanged =
        () -> {
          models.clusters().invalidate();
          models.places().invalidate();
          models.people().invalidate();
          showMapsIfSelected();
        };
    models.monitor().onReconnected(mapsChanged);
    collections.onIndexed(mapsChanged);
    // another model: new vectors, new notice, new results
    modelsModel.onSwitched(
        () -> {
          statusBar.showModelNotice(tasks, client::model);
          mapsChanged.run();
          search.searchAgain();
        });
  }

  /** Opens the Models view (the top bar's button, the status bar's model notice). */
  void openModels() {
    if (modelsDialog == null) {
      modelsDialog = new ModelsDialog(SwingUtilities.windowForComponent(this), modelsModel);
    }
    modelsDialog.open();
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
    } else if (tabs.getSelectedComponent() == peoplePanel) {
      models.people().setCollection(search.collection());
      models.people().showing();
    }
  }

  private void installShortcuts() {
    int menu = Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx();
    shortcut(
        KeyStroke.getKeyStroke(KeyEvent.VK_F, menu),
        "focusSearch",
        () -> {
          toResults();
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
    KeyBindings.bind(this, JComponent.WHEN_IN_FOCUSED_WINDOW, key, name, r);
  }

  /** "More like this" from the results grid or the detail view. */
  private void moreLike(SearchResultHit hit) {
    showResults();
    search.moreLike(hit.id());
  }

  /** "More like this" from another tab (a cluster's representative): back to the results. */
  private void searchLike(String imageId) {
    toResults();
    search.moreLike(imageId);
  }

  /** A place clicked on the map: its photos in the results grid. */
  private void showPlace(GeoArea area) {
    toResults();
    search.showPlace(area);
  }

  private void searchByExample(Callable<byte[]> read) {
    toResults();
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
    JFileChooser chooser = new JFileChooser(AppSettings.picturesDir(System.getenv()).toFile());
    chooser.setFileFilter(
        new FileNameExtensionFilter(
            "Images", "jpg", "jpeg", "png", "webp", "gif", "bmp", "tif", "tiff"));
    if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
      Path file = chooser.getSelectedFile().toPath();
      searchByExample(() -> Files.readAllBytes(file));
    }
  }

  private void chooseExportFolder(List<SearchResultHit> photos) {
    JFileChooser chooser = new JFileChooser(AppSettings.picturesDir(System.getenv()).toFile());
    chooser.setDialogTitle(
        "Export " + photos.size() + (photos.size() == 1 ? " photo" : " photos") + " to");
    chooser.setFileSelectionMode(JFileChooser.DIRECTORIES_ONLY);
    if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
      exportSelection(photos, chooser.getSelectedFile().toPath());
    }
  }

  /**
   * Copies {@code photos} into {@code folder} in the background; the status line tells the outcome.
   */
  void exportSelection(List<SearchResultHit> photos, Path folder) {
    statusBar.say("Exporting " + photos.size() + " photos…");
    tasks.submit(
        () -> PhotoExport.export(photos, folder, client::bytes),
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
    filterColumn.setVisible(false);
    searchCards.show(searchArea, DETAIL);
    detail.requestFocusInWindow();
  }

  /** The search tab, showing the results grid. */
  private void toResults() {
    tabs.setSelectedIndex(SEARCH_TAB);
    showResults();
  }

  private void showResults() {
    filterColumn.setVisible(true);
    searchCards.show(searchArea, RESULTS);
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
        () -> client.cameras(shown), filters::setCameras, e -> filters.setCameras(List.of()));
    // a server indexing the first photos (here or started elsewhere) is past the first run
    boolean indexing =
        collections.starting()
            || collections.jobId() != null
            || collections.collections().stream().anyMatch(c -> c.activeJob() != null);
    results.setFirstRun(
        !indexing && collections.collections().stream().allMatch(c -> c.documents() == 0),
        () -> {
          tabs.setSelectedIndex(COLLECTIONS_TAB);
          collectionsPanel.addFolder();
        });
    topBar.setCollections(collections.collections());
  }

  // the parts, for the window and its UI tests

  SearchViewModel searchModel() {
    return search;
  }

  CollectionsViewModel collectionsModel() {
    return collections;
  }

  SearchBar searchBar() {
    return searchBar;
  }

  FiltersPanel filters() {
    return filters;
  }

  ResultsPanel results() {
    return results;
  }

  DetailPanel detail() {
    return detail;
  }

  ClustersPanel clustersPanel() {
    return clustersPanel;
  }

  PlacesPanel placesPanel() {
    return placesPanel;
  }

  PeoplePanel peoplePanel() {
    return peoplePanel;
  }

  JTabbedPane tabs() {
    return tabs;
  }

  UnfinishedIndexingBar unfinishedIndexing() {
    return unfinishedIndexing;
  }

  JLabel statusLine() {
    return statusBar.statusLine();
  }

  JLabel modelNotice() {
    return statusBar.modelNotice();
  }

  ModelsViewModel modelsModel() {
    return modelsModel;
  }

  /** The Models view, once opened. */
  ModelsDialog modelsDialog() {
    return modelsDialog;
  }
}
