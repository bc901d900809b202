package io.clipsearch.app.places;

import io.clipsearch.api.types.PlaceInfo;
import java.util.Locale;

/**
 * A latitude/longitude rectangle on the places map, edges included: what a click on a dot or a
 * cluster of dots picks. Never crosses the antimeridian (the map is one world, -180 to 180).
 *
 * @param west smallest longitude
 * @param south smallest latitude
 * @param east largest longitude
 * @param north largest latitude
 */
public record GeoArea(double west, double south, double east, double north) {

  /**
   * @throws IllegalArgumentException if an edge is out of range or the rectangle inside out
   */
  public GeoArea {
    if (!(west >= -180
        && east <= 180
        && west <= east
        && south >= -90
        && north <= 90
        && south <= north)) {
      throw new IllegalArgumentException(
          "not an area: " + west + "," + south + "," + east + "," + north);
    }
  }

  /**
   * The server's {@code bbox} parameter, {@code west,south,east,north}, at full precision: a
   * rounded edge would leave out the photo that defines it.
   */
  public String bbox() {
    return west + "," + south + "," + east + "," + north;
  }

  /** Whether the place lies inside, edges included. */
  boolean contains(PlaceInfo p) {
    return p.latitude() >= south
        && p.latitude() <= north
        && p.longitude() >= west
        && p.longitude() <= east;
  }

  /** The area's middle in plain words, as people read coordinates: {@code 48.86° N, 2.35° E}. */
  public String describe() {
    double lat = (south + north) / 2;
    double lon = (west + east) / 2;
    return String.format(
        Locale.ROOT,
        "%.2f° %s, %.2f° %s",
        Math.abs(lat),
        lat >= 0 ? "N" : "S",
        Math.abs(lon),
        lon >= 0 ? "E" : "W");
  }
}
