package io.clipsearch.app.places;

/**
 * Equirectangular projection of a {@link GeoView} onto a map of {@code width × height} pixels: x
 * grows with longitude, y with falling latitude, one scale for both (the world keeps its 2:1
 * shape). Immutable.
 *
 * @param width map width in pixels
 * @param height map height in pixels
 * @param centerLon longitude at the centre
 * @param centerLat latitude at the centre
 * @param degreesPerPixel the scale
 */
public record GeoProjection(
    int width, int height, double centerLon, double centerLat, double degreesPerPixel) {

  public double x(double lon) {
    return width / 2.0 + (lon - centerLon) / degreesPerPixel;
  }

  public double y(double lat) {
    return height / 2.0 - (lat - centerLat) / degreesPerPixel;
  }

  public double lon(double x) {
    return centerLon + (x - width / 2.0) * degreesPerPixel;
  }

  public double lat(double y) {
    return centerLat - (y - height / 2.0) * degreesPerPixel;
  }
}
