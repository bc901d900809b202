package io.clipsearch.app.results;

import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.keys.KeyBindings;
import io.clipsearch.app.search.SearchState;
import io.clipsearch.app.search.SearchViewModel;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.awt.Toolkit;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.AffineTransform;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;

/**
 * The results grid: a {@link JList} in horizontal-wrap layout with fixed cell sizes, so only the
 * visible cells are ever painted (10,000 results scroll like 10). Thumbnails come from the panel's
 * own {@link ThumbnailLoader}, which repaints the grid when one arrives; scrolling near the end
 * asks the view-model for the next page. Enter or a double click opens a result, Ctrl+L searches
 * for more like it.
 */
public final class ResultsPanel extends JPanel {

  /** What the grid can ask its owner to do with a result. */
  public interface Actions {
    void open(int index);

    void moreLike(SearchResultHit hit);

    /** Null where file-system actions are not allowed (kiosk). */
    default Consumer<SearchResultHit> copyPath() {
      return null;
    }

    default Consumer<SearchResultHit> openFolder() {
      return null;
    }

    /** Copies the selected photos' paths (one a line); null where not allowed (kiosk). */
    default Consumer<List<SearchResultHit>> copyPaths() {
      return null;
    }

    /** Exports the selected photos into a folder; null where not allowed (kiosk). */
    default Consumer<List<SearchResultHit>> export() {
      return null;
    }
  }

  private final SearchViewModel model;
  private final DefaultListModel<SearchResultHit> hits = new DefaultListModel<>();
  private final JList<SearchResultHit> list = new JList<>(hits);
  private final JLabel empty = new JLabel("", SwingConstants.CENTER);
  private final JButton closest = new JButton("Show the closest matches");
  private final JButton addFolder = new JButton("Add a photo folder…");
  private boolean firstRun;
  private final JLabel weakHeader = new JLabel("No confident matches; closest:");
  private final ResultCell cell;
  private final CardLayout cards = new CardLayout();
  private final ThumbnailLoader thumbnails;
  private final Actions actions;
  private int cellSize;
  private final JScrollPane scroll;
  private boolean friendlyErrors;
  private boolean kiosk;

  /**
   * @param fetch the bytes behind a thumbnail URL (blocking, called on a worker)
   * @param tasks runs the thumbnail downloads
   * @param cache holds the decoded thumbnails
   * @param cellSize the cell's logical width in pixels (its height adds the name line)
   */
  public ResultsPanel(
      SearchViewModel model,
      Function<String, byte[]> fetch,
      BackgroundTasks tasks,
      ThumbnailCache cache,
      Actions actions,
      int cellSize) {
    this.model = model;
    this.thumbnails = new ThumbnailLoader(fetch, tasks, cache, cellSize, list::repaint);
    this.actions = actions;
    this.cellSize = cellSize;
    setLayout(cards);
    list.setName("results");
    list.setLayoutOrientation(JList.HORIZONTAL_WRAP);
    list.setVisibleRowCount(-1);
    list.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
    cell = new ResultCell(thumbnails, Math.max(6, cellSize / 20));
    list.setCellRenderer(cell);
    applyCellSize();
    list.setDragEnabled(false);
    scroll = new JScrollPane(list);
    scroll.setBorder(null);
    scroll.getVerticalScrollBar().setUnitIncrement(cellSize / 3);
    scroll
        .getViewport()
        .addComponentListener(
            new ComponentAdapter() {
              @Override
              public void componentResized(ComponentEvent e) {
                applyCellSize();
              }
            });
    scroll
        .getViewport()
        .addChangeListener(
            e -> {
              int last = list.getLastVisibleIndex();
              if (last >= 0 && last >= hits.size() - 12) {
                model.loadMore();
              }
            });
    empty.setName("emptyMessage");
    empty.putClientProperty("FlatLaf.styleClass", "h3");
    empty.setEnabled(false);
    closest.setName("showClosest");
    closest.addActionListener(e -> model.showClosest());
    JPanel emptyCard = new JPanel(new GridBagLayout());
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = 0;
    c.insets = new Insets(6, 6, 6, 6);
    emptyCard.add(empty, c);
    emptyCard.add(closest, c);
    addFolder.setName("addFolder");
    addFolder.putClientProperty("JButton.buttonType", "default");
    addFolder.setVisible(false);
    emptyCard.add(addFolder, c);
    weakHeader.setName("weakHeader");
    weakHeader.setBorder(BorderFactory.createEmptyBorder(6, 12, 6, 12));
    weakHeader.putClientProperty("FlatLaf.styleClass", "h4");
    JPanel listCard = new JPanel(new BorderLayout());
    listCard.add(weakHeader, BorderLayout.NORTH);
    listCard.add(scroll, BorderLayout.CENTER);
    add(listCard, "list");
    add(emptyCard, "empty");

    list.addMouseListener(
        new MouseAdapter() {
          @Override
          public void mouseClicked(MouseEvent e) {
            int i = list.locationToIndex(e.getPoint());
            if (e.getClickCount() == 2
                && i >= 0
                && list.getCellBounds(i, i).contains(e.getPoint())) {
              actions.open(i);
            }
          }

          @Override
          public void mousePressed(MouseEvent e) {
            popup(e);
          }

          @Override
          public void mouseReleased(MouseEvent e) {
            popup(e);
          }
        });
    bind(
        KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0),
        "open",
        () -> {
          if (list.getSelectedIndex() >= 0) {
            actions.open(list.getSelectedIndex());
          }
        });
    bind(
        KeyStroke.getKeyStroke(
            KeyEvent.VK_L, Toolkit.getDefaultToolkit().getMenuShortcutKeyMaskEx()),
        "like",
        () -> {
          if (list.getSelectedValue() != null) {
            actions.moreLike(list.getSelectedValue());
          }
        });
    model.addListener(this::show);
    show(model.state());
  }

  /** The list (tests and focus). */
  public JList<SearchResultHit> grid() {
    return list;
  }

  /**
   * Kiosk mode: errors read as a short apology, never as the server's technical message; the cells
   * show photos only (no scores, match badges or file names); nothing invites a drop.
   */
  public void setKiosk(boolean kiosk) {
    this.kiosk = kiosk;
    friendlyErrors = kiosk;
    cell.setShowScores(!kiosk);
    cell.setVisitor(kiosk);
    list.repaint();
  }

  /**
   * The badge and the caption a result's cell shows, joined by a new line, empty parts left out
   * (tests).
   */
  String cellText(SearchResultHit hit) {
    return Stream.of(cell.badge(hit), cell.caption(hit))
        .filter(Objects::nonNull)
        .collect(Collectors.joining("\n"));
  }

  /**
   * The first-run screen: with no photos indexed yet, the empty grid says so and offers one button
   * to add a folder instead of inviting a search that cannot find anything.
   *
   * @param add what the button does
   */
  public void setFirstRun(boolean noPhotos, Runnable add) {
    firstRun = noPhotos;
    for (var l : addFolder.getActionListeners()) {
      addFolder.removeActionListener(l);
    }
    addFolder.addActionListener(e -> add.run());
    show(model.state());
  }

  /** The "no results" message (tests). */
  JLabel emptyMessage() {
    return empty;
  }

  /** Selects and reveals a result. */
  public void select(int index) {
    if (index >= 0 && index < hits.size()) {
      list.setSelectedIndex(index);
      list.ensureIndexIsVisible(index);
    }
  }

  /** The thumbnail size: cells of {@code size} logical pixels (the size control). */
  public void setCellSize(int size) {
    if (size != cellSize) {
      cellSize = size;
      applyCellSize();
      scroll.getVerticalScrollBar().setUnitIncrement(cellSize / 3);
      updateMaxPixels();
      list.revalidate();
      list.repaint();
    }
  }

  /**
   * Cells of the chosen size, widened to share the grid's width evenly: at a fixed width the
   * columns left an empty strip at the right edge.
   */
  private void applyCellSize() {
    cell.setPad(Math.max(6, cellSize / 20));
    int available = scroll == null ? 0 : scroll.getViewport().getWidth();
    int width = available < cellSize ? cellSize : available / (available / cellSize);
    list.setFixedCellWidth(width);
    list.setFixedCellHeight(cellSize + list.getFontMetrics(list.getFont()).getHeight() + 8);
  }

  @Override
  public void addNotify() {
    super.addNotify();
    updateMaxPixels();
  }

  private void updateMaxPixels() {
    // thumbnails at device resolution: a 2x screen gets 2x pixels per cell
    AffineTransform t =
        getGraphicsConfiguration() == null
            ? new AffineTransform()
            : getGraphicsConfiguration().getDefaultTransform();
    thumbnails.setMaxPixels((int) Math.ceil(cellSize * Math.max(1, t.getScaleX())));
  }

  private void show(SearchState state) {
    List<SearchResultHit> now = state.hits();
    boolean appended =
        now.size() > hits.size()
            && !hits.isEmpty()
            && now.get(hits.size() - 1).id().equals(hits.get(hits.size() - 1).id())
            && now.getFirst().id().equals(hits.get(0).id());
    if (appended) {
      for (int i = hits.size(); i < now.size(); i++) {
        hits.addElement(now.get(i));
      }
    } else if (!sameIds(now)) {
      thumbnails.dropWaiting();
      hits.clear();
      hits.addAll(now);
      if (!now.isEmpty()) {
        list.ensureIndexIsVisible(0);
      }
    }
    String message =
        switch (state.status()) {
          case IDLE ->
              firstRun
                  ? "No photos yet. Add a folder of photos to search them."
                  : kiosk
                      ? "Type what you are looking for."
                      : "Type to search your photos, or drop an image here.";
          case SEARCHING -> now.isEmpty() ? "Searching…" : null;
          case FAILED ->
              now.isEmpty()
                  ? (friendlyErrors
                      ? "Sorry, that search did not work. Please try other words."
                      : state.error())
                  : null;
          case DONE -> now.isEmpty() ? noResults(state) : null;
        };
    cell.setShowScores(!kiosk && !state.browsing());
    // nothing at all under the cutoff means the filters left nothing: the closest would be none too
    closest.setVisible(
        state.nothingFound()
            && !state.browsing()
            && !model.includesWeak()
            && !state.filters().isFiltering()
            && !state.collectionEmpty());
    addFolder.setVisible(firstRun && state.status() == SearchState.SearchPhase.IDLE);
    weakHeader.setVisible(state.onlyWeak());
    empty.setText(message == null ? "" : message);
    cards.show(this, message == null ? "list" : "empty");
  }

  private String noResults(SearchState state) {
    if (state.browsing()) {
      return state.place() != null
          ? "No photos were taken here."
          : "No photos match these filters.";
    }
    if (state.collectionEmpty()) {
      return "This collection has no photos yet.";
    }
    String what =
        state.byExample() ? "the image" : model.likeId() != null ? "this photo" : "your search";
    if (state.filters().isFiltering() || "filtered".equals(state.noConfidentReason())) {
      return "No photos match " + what + " with these filters. Change or reset the filters.";
    }
    if (model.includesWeak()) {
      return "No photos match " + what + ".";
    }
    return "No confident matches for " + what + ". Try other words, or see the closest ones.";
  }

  private boolean sameIds(List<SearchResultHit> now) {
    if (now.size() != hits.size()) {
      return false;
    }
    for (int i = 0; i < now.size(); i++) {
      if (!now.get(i).id().equals(hits.get(i).id())) {
        return false;
      }
    }
    return true;
  }

  private void popup(MouseEvent e) {
    if (!e.isPopupTrigger()) {
      return;
    }
    int i = list.locationToIndex(e.getPoint());
    if (i < 0) {
      return;
    }
    if (!list.isSelectedIndex(i)) {
      list.setSelectedIndex(i);
    }
    SearchResultHit hit = hits.get(i);
    List<SearchResultHit> selection = list.getSelectedValuesList();
    JPopupMenu menu = new JPopupMenu();
    if (selection.size() > 1) {
      if (actions.copyPaths() != null) {
        item(
            menu,
            "Copy the paths of " + selection.size() + " photos",
            () -> actions.copyPaths().accept(selection));
      }
      if (actions.export() != null) {
        item(
            menu,
            "Export " + selection.size() + " photos to a folder…",
            () -> actions.export().accept(selection));
      }
      menu.show(list, e.getX(), e.getY());
      return;
    }
    item(menu, "Open", () -> actions.open(i));
    item(menu, "More like this   Ctrl+L", () -> actions.moreLike(hit));
    if (actions.copyPath() != null) {
      item(menu, "Copy path", () -> actions.copyPath().accept(hit));
    }
    if (actions.openFolder() != null) {
      item(menu, "Open containing folder", () -> actions.openFolder().accept(hit));
    }
    if (actions.export() != null) {
      item(menu, "Export to a folder…", () -> actions.export().accept(List.of(hit)));
    }
    menu.show(list, e.getX(), e.getY());
  }

  private static void item(JPopupMenu menu, String text, Runnable r) {
    JMenuItem item = new JMenuItem(text);
    item.addActionListener(e -> r.run());
    menu.add(item);
  }

  private void bind(KeyStroke key, String name, Runnable r) {
    KeyBindings.bind(list, JComponent.WHEN_FOCUSED, key, name, r);
  }
}
