package io.clipsearch.app.clusters;

import java.util.Locale;

/**
 * The part of the collection map on screen, in map coordinates (the whole map is [0, 1]²): zoomed
 * around a point, panned, always at least {@link #MIN_SIZE} wide and never beyond the map's edges
 * (plus a small margin so edge points are not cut in half).
 *
 * @param minX left
 * @param minY top
 * @param maxX right
 * @param maxY bottom
 */
public record MapViewport(double minX, double minY, double maxX, double maxY) {

  /** The whole map with its margin. */
  public static final MapViewport ALL =
      new MapViewport(
          -MapViewport.MARGIN, -MapViewport.MARGIN, 1 + MapViewport.MARGIN, 1 + MapViewport.MARGIN);

  /** Room around the map's [0, 1] square. */
  public static final double MARGIN = 0.03;

  /** The deepest zoom: 1/2000 of the map. */
  public static final double MIN_SIZE = 0.0005;

  public MapViewport {
    if (!(maxX > minX) || !(maxY > minY)) {
      throw new IllegalArgumentException(
          "empty viewport " + minX + "," + minY + "," + maxX + "," + maxY);
    }
  }

  public double width() {
    return maxX - minX;
  }

  public double height() {
    return maxY - minY;
  }

  /**
   * Zooms by {@code factor} (&lt; 1 in, &gt; 1 out) keeping the map point {@code (x, y)} where it
   * is on screen.
   */
  public MapViewport zoom(double factor, double x, double y) {
    double size = ALL.width();
    double w = clamp(width() * factor, MIN_SIZE, size);
    double h = clamp(height() * factor, MIN_SIZE, size);
    double fx = (x - minX) / width();
    double fy = (y - minY) / height();
    double nx = x - fx * w;
    double ny = y - fy * h;
    return fit(nx, ny, w, h);
  }

  /** Moves by {@code (dx, dy)} map units, stopping at the edges. */
  public MapViewport pan(double dx, double dy) {
    return fit(minX + dx, minY + dy, width(), height());
  }

  /** Whether this shows the whole map. */
  public boolean isAll() {
    return width() >= ALL.width() - 1e-9 && height() >= ALL.height() - 1e-9;
  }

  /**
   * The {@code bbox} parameter: this box clipped to [0, 1], as {@code minX,minY,maxX,maxY}; null
   * for the whole map (the server's default).
   */
  public double[] bbox() {
    if (isAll()) {
      return null;
    }
    return new double[] {
      clamp(minX, 0, 1), clamp(minY, 0, 1), clamp(maxX, 0, 1), clamp(maxY, 0, 1)
    };
  }

  private static MapViewport fit(double x, double y, double w, double h) {
    double lo = ALL.minX;
    double hi = ALL.maxX;
    x = clamp(x, lo, hi - w);
    y = clamp(y, lo, hi - h);
    return new MapViewport(x, y, x + w, y + h);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "[%.4f,%.4f – %.4f,%.4f]", minX, minY, maxX, maxY);
  }
}
