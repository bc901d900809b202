package io.clipsearch.app;

import java.util.Objects;
import javax.swing.JFrame;
import javax.swing.WindowConstants;

/**
 * A top-level window of the app that can be closed by the program itself: without the questions a
 * person closing it is asked (the kiosk PIN, "indexing is still running"). A close request does
 * nothing by itself; each window decides in its own window listener. EDT only.
 */
public abstract class AppWindow extends JFrame {

  private final Runnable onClosed;
  private boolean shutDown;

  /**
   * @param title the window's title
   * @param onClosed runs once, after the window is disposed
   */
  protected AppWindow(String title, Runnable onClosed) {
    super(title);
    this.onClosed = Objects.requireNonNull(onClosed, "onClosed");
    setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
  }

  /**
   * Closes the window at once: {@link #release()}, dispose, then the on-closed action; a second
   * call does nothing.
   */
  public final void shutdown() {
    if (shutDown) {
      return;
    }
    shutDown = true;
    release();
    dispose();
    onClosed.run();
  }

  /** Whether {@link #shutdown()} has run. */
  protected final boolean isShutDown() {
    return shutDown;
  }

  /** Lets go of what the window holds (tasks, timers, unsaved settings), before it is disposed. */
  protected abstract void release();
}
