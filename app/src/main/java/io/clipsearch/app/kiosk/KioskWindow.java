package io.clipsearch.app.kiosk;

import static io.clipsearch.app.viewmodel.CollectionScopedViewModel.DEFAULT_COLLECTION;

import io.clipsearch.app.AppWindow;
import io.clipsearch.app.connection.AppOptions;
import io.clipsearch.app.net.ClipsearchClient;
import io.clipsearch.app.search.SearchViewModel;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.awt.AWTEvent;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.GridBagLayout;
import java.awt.Toolkit;
import java.awt.event.AWTEventListener;
import java.awt.event.KeyEvent;
import java.awt.event.MouseEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import javax.swing.Timer;

/**
 * Kiosk mode: full screen, large type and touch targets, search and view only (no file system
 * actions, no collections), an attract slideshow after {@link AppOptions#idle()} without input, and
 * exit only with the PIN. Errors read as short friendly sentences; no stack trace is ever shown
 * (they go to the log).
 */
public final class KioskWindow extends AppWindow {

  static final float FONT = 24f;

  private static final String STARTING = "starting";
  private static final String SCREEN = "screen";

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

  /** The kiosk's cards once the server answers; null until then. */
  private KioskScreen screen;

  /** The PIN pad while it is open, else null. */
  private PinPad pinPad;

  public KioskWindow(AppOptions options, Runnable onClosed) {
    super("clipsearch kiosk", onClosed);
    this.options = options;
    this.pinGuard =
        new PinGuard(
            new KioskPin(options.pin() == null ? "0000" : options.pin()), System::nanoTime);
    setName("kioskWindow");
    setUndecorated(true);
    Dimension display = Toolkit.getDefaultToolkit().getScreenSize();
    setBounds(0, 0, display.width, display.height);
    setExtendedState(Frame.MAXIMIZED_BOTH);
    starting.setFont(starting.getFont().deriveFont(FONT * 1.5f));
    JPanel start = new JPanel(new GridBagLayout());
    start.add(starting);
    root.add(start, STARTING);
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
              || event.getID() == KeyEvent.KEY_PRESSED
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
    String collection = options.collection() == null ? DEFAULT_COLLECTION : options.collection();
    screen = new KioskScreen(client, tasks, collection, this::askPin, this::leaveAttract);
    root.add(screen, SCREEN);
    cards.show(root, SCREEN);
    showAttract();
  }

  /**
   * Resets the kiosk to its attract screen (idle timeout, and at start); a PIN pad left open by the
   * last visitor goes, so the slideshow is not hidden behind it.
   */
  private void showAttract() {
    if (pinPad != null) {
      pinPad.dispose();
    }
    if (screen == null) {
      return;
    }
    idle.goIdle();
    screen.showAttract();
  }

  /** Leaves the attract screen for an empty search. */
  public void leaveAttract() {
    idle.activity();
    screen.leaveAttract();
  }

  /** Whether the attract screen shows a photo yet. */
  public boolean attractHasPhoto() {
    return screen != null && screen.attractHasPhoto();
  }

  /** The search view-model. */
  public SearchViewModel searchModel() {
    return screen.searchModel();
  }

  /** The touch keyboard under the results. */
  public OnScreenKeyboard keyboard() {
    return screen.keyboard();
  }

  /** Asks for the PIN (Exit button, any close request); closes the kiosk when it is right. */
  private void askPin() {
    if (isShutDown()) {
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

  /**
   * Closes the tasks and stops the idle timer: a shutdown closes the kiosk without asking, after
   * the right PIN or when the program itself ends.
   */
  @Override
  protected void release() {
    tasks.close();
    idleTimer.stop();
  }
}
