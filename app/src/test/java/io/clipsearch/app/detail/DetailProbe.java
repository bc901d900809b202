package io.clipsearch.app.detail;

/**
 * What the window-level UI tests outside this package read of the detail views: the photo shown and
 * the full-screen zoom. Reads only; call on the EDT like the views themselves.
 */
public final class DetailProbe {

  private DetailProbe() {}

  /** Whether {@code panel} shows a photo. */
  public static boolean hasImage(DetailPanel panel) {
    return panel.hasImage();
  }

  /** The width in pixels of {@code panel}'s photo area. */
  public static int imageWidth(DetailPanel panel) {
    return panel.imageWidth();
  }

  /** {@code viewer}'s zoomable photo. */
  public static ZoomView view(FullScreenViewer viewer) {
    return viewer.view();
  }
}
