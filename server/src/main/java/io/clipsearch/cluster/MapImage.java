package io.clipsearch.cluster;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws a {@link CollectionMap} as a scatter plot with Java2D: one dot per point, coloured by
 * cluster (golden-angle hues, so neighbouring cluster numbers differ), grey for unclustered. Works
 * headless (an off-screen image). Thread-safe (no state).
 */
public final class MapImage {

  static final int MARGIN = 10;

  private MapImage() {}

  /**
   * @throws IllegalArgumentException if a side is smaller than {@code 2 * MARGIN + 1}
   */
  public static BufferedImage render(CollectionMap map, int width, int height) {
    if (width <= 2 * MARGIN || height <= 2 * MARGIN) {
      throw new IllegalArgumentException(
          "image must be larger than " + 2 * MARGIN + " px, got " + width + "x" + height);
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      int r = map.points().size() > 20_000 ? 1 : 3;
      for (MapPoint p : map.points()) {
        g.setColor(
            p.cluster() < 0
                ? Color.GRAY
                : Color.getHSBColor((p.cluster() * 0.618034f) % 1f, 0.75f, 0.85f));
        int x = MARGIN + Math.round(p.x() * (width - 2 * MARGIN - 1));
        int y = MARGIN + Math.round((1 - p.y()) * (height - 2 * MARGIN - 1));
        g.fillOval(x - r, y - r, 2 * r + 1, 2 * r + 1);
      }
    } finally {
      g.dispose();
    }
    return image;
  }
}
