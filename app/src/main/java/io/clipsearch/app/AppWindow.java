package io.clipsearch.app;

/**
 * A top-level window of the app that can be closed by the program itself: without the questions a
 * person closing it is asked (the kiosk PIN, "indexing is still running").
 */
public interface AppWindow {

  /** Closes the window at once and runs its on-closed action; a second call does nothing. */
  void shutdown();
}
