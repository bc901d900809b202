package io.clipsearch.app.paint;

import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

/**
 * The rendering hints every custom-painted view of the app uses, set in one place: shapes and text
 * antialiased, images scaled bilinear (smooth at any size, fast enough to repaint while scrolling).
 */
public final class Painting {

  private Painting() {}

  /**
   * A copy of {@code graphics} with the app's rendering hints, for a {@code paintComponent}: the
   * caller disposes it (in a {@code finally}), so the hints never leak into the painting of other
   * components.
   */
  public static Graphics2D smooth(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    return g;
  }
}
