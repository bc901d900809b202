package io.clipsearch.app.places;

/**
 * The part of the world the places map shows: a centre and a zoom (1 fits the whole world into the
 * map, 2 shows half as many degrees...). Independent of the map's size, so it survives resizing;
 * {@link #projection} ties it to pixels. Immutable; zoom stays within 1 to {@link #MAX_ZOOM} and
 * the centre on the world.
 *
 * @param centerLon longitude at the map's centre
 * @param centerLat latitude at the map's centre
 * @param zoom magnification over the whole-world view
 */
public record GeoView(double centerLon, double centerLat, double zoom) {

  /** The whole world. */
  public static final GeoView WORLD = new GeoView(0, 0, 1);

  /** The deepest zoom: about a city block across on a 1,000-pixel map. */
  public static final double MAX_ZOOM = 20_000;

  public GeoView {
    zoom = clamp(zoom, 1, MAX_ZOOM);
    centerLon = clamp(centerLon, -180, 180);
    centerLat = clamp(centerLat, -90, 90);
  }

  /**
   * Zooms by {@code factor} (&gt; 1 in, &lt; 1 out), keeping the point {@code (lon, lat)} where it
   * is on screen (the mouse wheel's anchor).
   */
  public GeoView zoomBy(double factor, double lon, double lat) {
    double z = clamp(zoom * factor, 1, MAX_ZOOM);
    double f = z / zoom;
    return new GeoView(lon - (lon - centerLon) / f, lat - (lat - centerLat) / f, z);
  }

  /** Moves the centre by the given degrees. */
  public GeoView pan(double dLon, double dLat) {
    return new GeoView(centerLon + dLon, centerLat + dLat, zoom);
  }

  /** This view on a map of {@code width × height} pixels. */
  public GeoProjection projection(int width, int height) {
    int w = Math.max(1, width);
    int h = Math.max(1, height);
    double degreesPerPixel = Math.max(360.0 / w, 180.0 / h) / zoom;
    return new GeoProjection(w, h, centerLon, centerLat, degreesPerPixel);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
