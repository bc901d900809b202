package io.clipsearch.app.kiosk;

import static io.clipsearch.app.kiosk.KioskWindow.FONT;

import com.formdev.flatlaf.FlatClientProperties;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.detail.DetailPanel;
import io.clipsearch.app.detail.DetailViewModel;
import io.clipsearch.app.detail.PhotoSource;
import io.clipsearch.app.net.ClipsearchClient;
import io.clipsearch.app.results.ResultsPanel;
import io.clipsearch.app.results.ThumbnailCache;
import io.clipsearch.app.search.QueryHistory;
import io.clipsearch.app.search.SearchBar;
import io.clipsearch.app.search.SearchClient;
import io.clipsearch.app.search.SearchViewModel;
import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.Delay;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JPanel;

/**
 * The kiosk's content once the server answers, as three cards: the search (large search bar, "New
 * search" and "Exit", the results grid, the on-screen keyboard), one photo in detail, and the
 * attract slideshow. Every part is made once, in the constructor, for one server and collection;
 * the window decides when the slideshow shows (idle time) and what "Exit" asks.
 *
 * <p>EDT only.
 */
final class KioskScreen extends JPanel {

  private static final String SEARCH = "search";
  private static final String DETAIL = "detail";
  private static final String ATTRACT = "attract";

  private final CardLayout cards = new CardLayout();
  private final SearchViewModel search;
  private final SearchBar searchBar;
  private final ResultsPanel results;
  private final DetailPanel detail;
  private final OnScreenKeyboard keyboard;
  private final AttractPanel attract;

  /**
   * @param collection the collection visitors search
   * @param exit what the "Exit" button does (asks for the PIN)
   * @param touched a touch on the slideshow (the window leaves it)
   */
  KioskScreen(
      ClipsearchClient client,
      BackgroundTasks tasks,
      String collection,
      Runnable exit,
      Runnable touched) {
    setLayout(cards);
    SearchClient server = SearchClient.of(client);
    PhotoSource photos = PhotoSource.of(client);
    search = new SearchViewModel(server, tasks, Delay.swing(), new QueryHistory(List.of()));
    search.setCollection(collection);
    searchBar = new SearchBar(search, 2.0f, false);
    results =
        new ResultsPanel(
            search,
            client::bytes,
            tasks,
            new ThumbnailCache(400, 128L << 20),
            new ResultsPanel.Actions() {
              @Override
              public void open(int index) {
                openResult(index);
              }

              @Override
              public void moreLike(SearchResultHit hit) {
                searchLike(hit);
              }
            },
            260);
    detail =
        new DetailPanel(
            new DetailViewModel(photos, tasks, DetailPanel.photoSide()),
            tasks,
            this::showSearch,
            hit -> {
              showSearch();
              searchLike(hit);
            },
            results::select,
            false,
            1.6f);
    keyboard = new OnScreenKeyboard(searchBar.field(), search::submit, FONT * 0.9f);
    attract = new AttractPanel(server, photos, tasks, collection);
    attract.addMouseListener(
        new MouseAdapter() {
          @Override
          public void mousePressed(MouseEvent e) {
            touched.run();
          }
        });
    forTouch();
    add(searchCard(exit), SEARCH);
    add(detail, DETAIL);
    add(attract, ATTRACT);
  }

  /** Large type, photos only, and one tap opens a result: touch screens have no double click. */
  private void forTouch() {
    results.setKiosk(true);
    results.grid().setFont(results.grid().getFont().deriveFont(FONT * 0.8f));
    results
        .grid()
        .addMouseListener(
            new MouseAdapter() {
              @Override
              public void mouseReleased(MouseEvent e) {
                int i = results.grid().locationToIndex(e.getPoint());
                if (i >= 0
                    && results.grid().getCellBounds(i, i).contains(e.getPoint())
                    && e.getClickCount() == 1) {
                  results.select(i);
                  openResult(i);
                }
              }
            });
    detail.setKiosk(true);
  }

  /** The search bar with "New search" and "Exit" above the results, the keyboard below. */
  private JPanel searchCard(Runnable exit) {
    JButton exitButton = new JButton("Exit");
    exitButton.setName("kioskExit");
    exitButton.setFont(exitButton.getFont().deriveFont(FONT * 0.8f));
    exitButton.putClientProperty(
        FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_BORDERLESS);
    exitButton.addActionListener(e -> exit.run());
    JButton clear = new JButton("New search");
    clear.setFont(clear.getFont().deriveFont(FONT));
    clear.addActionListener(
        e -> {
          searchBar.clear();
          searchBar.focusSearch();
        });
    JPanel top = new JPanel(new BorderLayout(16, 0));
    top.setBorder(BorderFactory.createEmptyBorder(20, 24, 16, 24));
    top.add(searchBar, BorderLayout.CENTER);
    JPanel buttons = new JPanel(new BorderLayout(12, 0));
    buttons.add(clear, BorderLayout.WEST);
    buttons.add(exitButton, BorderLayout.EAST);
    top.add(buttons, BorderLayout.EAST);
    JPanel card = new JPanel(new BorderLayout());
    card.add(top, BorderLayout.NORTH);
    card.add(results, BorderLayout.CENTER);
    card.add(keyboard, BorderLayout.SOUTH);
    return card;
  }

  private void openResult(int index) {
    detail.show(search.state().hits(), search.collection(), index);
    cards.show(this, DETAIL);
  }

  private void searchLike(SearchResultHit hit) {
    search.moreLike(hit.id());
  }

  private void showSearch() {
    cards.show(this, SEARCH);
  }

  /** Empties the search and starts the slideshow. */
  void showAttract() {
    searchBar.clear();
    cards.show(this, ATTRACT);
    attract.start();
  }

  /** Stops the slideshow for an empty search, the caret in the search field. */
  void leaveAttract() {
    attract.stop();
    showSearch();
    searchBar.focusSearch();
  }

  boolean attractHasPhoto() {
    return attract.showingPhoto();
  }

  SearchViewModel searchModel() {
    return search;
  }

  OnScreenKeyboard keyboard() {
    return keyboard;
  }
}
