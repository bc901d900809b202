package io.clipsearch.app.kiosk;

import com.formdev.flatlaf.FlatClientProperties;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.connection.AppOptions;
import io.clipsearch.app.detail.DetailPanel;
import io.clipsearch.app.detail.DetailViewModel;
import io.clipsearch.app.detail.PhotoSource;
import io.clipsearch.app.net.ClipsearchClient;
import io.clipsearch.app.results.ResultsPanel;
import io.clipsearch.app.results.ThumbnailCache;
import io.clipsearch.app.results.ThumbnailLoader;
import io.clipsearch.app.search.QueryHistory;
import io.clipsearch.app.search.SearchBar;
import io.clipsearch.app.search.SearchClient;
import io.clipsearch.app.search.SearchViewModel;
import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.Delay;
import java.awt.AWTEvent;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Frame;
import java.awt.GridBagLayout;
import java.awt.Toolkit;
import java.awt.event.AWTEventListener;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.Duration;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.Timer;
import javax.swing.WindowConstants;

/**
 * Kiosk mode: full screen, large type and touch targets, search and view only (no file system
 * actions, no collections), an attract slideshow after {@link AppOptions#idle()} without input, and
 * exit only with the PIN. Errors read as short friendly sentences; no stack trace is ever shown
 * (they go to the log).
 */
public final class KioskWindow extends JFrame implements io.clipsearch.app.AppWindow {

  static final float FONT = 24f;

  /**
   * The least height of a key a finger presses (about 9 mm at 150 dpi; guidelines ask 7 to 10 mm).
   */
  static final int TOUCH_TARGET = 56;

  private final AppOptions options;
  private final BackgroundTasks tasks = BackgroundTasks.swing("clipsearch-kiosk", 6);
  private final CardLayout cards = new CardLayout();
  private final JPanel root = new JPanel(cards);
  private final JLabel starting = new JLabel("Starting…", SwingConstants.CENTER);
  private final IdleTracker idle;
  private final Timer idleTimer;
  private final AWTEventListener activity;
  private final PinGuard pinGuard;
  private final Runnable onClosed;
  private boolean shutDown;
  private OnScreenKeyboard keyboard;
  private SearchViewModel search;
  private SearchBar searchBar;
  private ResultsPanel results;
  private DetailPanel detail;
  private AttractPanel attract;

  /** The PIN pad while it is open, else null. */
  private PinPad pinPad;

  public KioskWindow(AppOptions options, Runnable onClosed) {
    super("clipsearch kiosk");
    this.options = options;
    this.pinGuard =
        new PinGuard(
            new KioskPin(options.pin() == null ? "0000" : options.pin()), System::nanoTime);
    this.onClosed = onClosed;
    setName("kioskWindow");
    setUndecorated(true);
    setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
    Dimension screen = Toolkit.getDefaultToolkit().getScreenSize();
    setBounds(0, 0, screen.width, screen.height);
    setExtendedState(Frame.MAXIMIZED_BOTH);
    starting.setFont(starting.getFont().deriveFont(FONT * 1.5f));
    JPanel start = new JPanel(new GridBagLayout());
    start.add(starting);
    root.add(start, "starting");
    setContentPane(root);

    idle = new IdleTracker(System::nanoTime, options.idle());
    idleTimer =
        new Timer(
            1000,
            e -> {
              if (idle.tick() == IdleTracker.Transition.BECAME_IDLE) {
                showAttract();
              }
            });
    activity =
        event -> {
          if (event.getID() == MouseEvent.MOUSE_PRESSED
              || event.getID() == java.awt.event.KeyEvent.KEY_PRESSED
              || event.getID() == MouseEvent.MOUSE_WHEEL) {
            idle.activity();
          }
        };
    addWindowListener(
        new WindowAdapter() {
          @Override
          public void windowClosing(WindowEvent e) {
            // Alt+F4 and every other close request go through the PIN, as the Exit button does
            askPin();
          }
        });
  }

  @Override
  public void addNotify() {
    super.addNotify();
    Toolkit.getDefaultToolkit()
        .addAWTEventListener(
            activity,
            AWTEvent.MOUSE_EVENT_MASK | AWTEvent.KEY_EVENT_MASK | AWTEvent.MOUSE_WHEEL_EVENT_MASK);
    idleTimer.start();
  }

  @Override
  public void removeNotify() {
    Toolkit.getDefaultToolkit().removeAWTEventListener(activity);
    idleTimer.stop();
    super.removeNotify();
  }

  /** The server could not be started: a friendly sentence, the details in the log. */
  public void failedToStart(String message) {
    starting.setText(
        "<html><div style='text-align:center'>The photo search is not available right now.<br>"
            + "Please ask a member of staff.</div></html>");
  }

  /** Builds the kiosk once the server answers; starts on the attract screen. */
  public void connected(ClipsearchClient client, boolean localFiles, String modeText) {
    String collection = options.collection() == null ? "default" : options.collection();
    SearchClient searchService = SearchClient.of(client);
    PhotoSource photos = PhotoSource.of(client);
    search = new SearchViewModel(searchService, tasks, Delay.swing(), new QueryHistory(List.of()));
    search.setCollection(collection);
    ThumbnailCache cache = new ThumbnailCache(400, 128L << 20);
    ResultsPanel[] self = new ResultsPanel[1];
    ThumbnailLoader thumbnails =
        new ThumbnailLoader(client::bytes, tasks, cache, 300, () -> self[0].repaintThumbnails());
    searchBar = new SearchBar(search, 2.0f, false);
    results =
        new ResultsPanel(
            search,
            thumbnails,
            new ResultsPanel.Actions() {
              @Override
              public void open(int index) {
                detail.show(search.state().hits(), search.collection(), index);
                cards.show(root, "detail");
              }

              @Override
              public void moreLike(SearchResultHit hit) {
                search.moreLike(hit.id());
              }
            },
            260);
    self[0] = results;
    results.setKiosk(true);
    results.grid().setFont(results.grid().getFont().deriveFont(FONT * 0.8f));
    // one tap opens a result: touch screens have no double click
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
                  detail.show(search.state().hits(), search.collection(), i);
                  cards.show(root, "detail");
                }
              }
            });
    detail =
        new DetailPanel(
            new DetailViewModel(photos, tasks, DetailPanel.photoSide()),
            tasks,
            () -> cards.show(root, "search"),
            hit -> {
              cards.show(root, "search");
              search.moreLike(hit.id());
            },
            results::select,
            false,
            1.6f);
    detail.setKiosk(true);

    JButton exit = new JButton("Exit");
    exit.setName("kioskExit");
    exit.setFont(exit.getFont().deriveFont(FONT * 0.8f));
    exit.putClientProperty(
        FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_BORDERLESS);
    exit.addActionListener(e -> askPin());
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
    buttons.add(exit, BorderLayout.EAST);
    top.add(buttons, BorderLayout.EAST);
    JPanel searchCard = new JPanel(new BorderLayout());
    searchCard.add(top, BorderLayout.NORTH);
    searchCard.add(results, BorderLayout.CENTER);
    keyboard = new OnScreenKeyboard(searchBar.field(), search::submit, FONT * 0.9f);
    searchCard.add(keyboard, BorderLayout.SOUTH);

    attract = new AttractPanel(searchService, photos, tasks, collection);
    attract.addMouseListener(
        new MouseAdapter() {
          @Override
          public void mousePressed(MouseEvent e) {
            leaveAttract();
          }
        });
    root.add(searchCard, "search");
    root.add(detail, "detail");
    root.add(attract, "attract");
    showAttract();
  }

  /**
   * Resets the kiosk to its attract screen (idle timeout, and at start); a PIN pad left open by the
   * last visitor goes, so the slideshow is not hidden behind it.
   */
  public void showAttract() {
    if (pinPad != null) {
      pinPad.dispose();
    }
    if (search == null) {
      return;
    }
    searchBar.clear();
    idle.goIdle();
    cards.show(root, "attract");
    attract.start();
  }

  /** Leaves the attract screen for an empty search. */
  public void leaveAttract() {
    idle.activity();
    attract.stop();
    cards.show(root, "search");
    searchBar.focusSearch();
  }

  /** Whether the attract screen is showing. */
  public boolean attractShowing() {
    return attract != null && attract.isShowing();
  }

  /** Whether the attract screen shows a photo yet. */
  public boolean attractHasPhoto() {
    return attract != null && attract.showingPhoto();
  }

  /** The search view-model (tests). */
  public SearchViewModel searchModel() {
    return search;
  }

  /** The touch keyboard under the results (tests). */
  public OnScreenKeyboard keyboard() {
    return keyboard;
  }

  /** Asks for the PIN (Exit button, any close request); closes the kiosk when it is right. */
  private void askPin() {
    if (shutDown) {
      return;
    }
    pinPad = new PinPad(this, pinGuard, FONT);
    pinPad.setVisible(true);
    boolean unlocked = pinPad.unlocked();
    pinPad = null;
    if (unlocked) {
      shutdown();
    }
  }

  /** Closes the kiosk without asking: after the right PIN, or when the program itself ends. */
  @Override
  public void shutdown() {
    if (shutDown) {
      return;
    }
    shutDown = true;
    tasks.close();
    idleTimer.stop();
    dispose();
    onClosed.run();
  }

  /** The idle timeout (for the status of tests). */
  Duration idleTimeout() {
    return options.idle();
  }

  /** Larger variant of a font. */
  static Font big(Font f) {
    return f.deriveFont(FONT);
  }
}
