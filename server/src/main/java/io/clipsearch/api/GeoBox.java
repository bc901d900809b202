package io.clipsearch.api;

import io.clipsearch.index.PhotoMetadata;
import java.util.Locale;

/**
 * A latitude/longitude rectangle, edges included: an area of the places map. Does not cross the
 * antimeridian (the map is one equirectangular world, -180 to 180).
 *
 * @param west smallest longitude
 * @param south smallest latitude
 * @param east largest longitude
 * @param north largest latitude
 */
record GeoBox(double west, double south, double east, double north) {

  /**
   * @throws IllegalArgumentException if an edge is out of range or west/south exceed east/north
   */
  GeoBox {
    if (!(west >= -180
        && east <= 180
        && west <= east
        && south >= -90
        && north <= 90
        && south <= north)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "bbox must be west,south,east,north in degrees (-180 ≤ west ≤ east ≤ 180, -90 ≤ south ≤ north ≤ 90),"
                  + " got %s,%s,%s,%s",
              west,
              south,
              east,
              north));
    }
  }

  /**
   * Parses {@code west,south,east,north}.
   *
   * @throws IllegalArgumentException if the text is not four numbers in range
   */
  static GeoBox parse(String bbox) {
    String[] parts = bbox == null ? new String[0] : bbox.split(",", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException(
          "bbox must be west,south,east,north in degrees, got " + bbox);
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "bbox must be west,south,east,north in degrees, got " + bbox);
      }
    }
    return new GeoBox(v[0], v[1], v[2], v[3]);
  }

  /** Whether the photo has a GPS position inside this box. */
  boolean contains(PhotoMetadata m) {
    if (m.latitude().isEmpty() || m.longitude().isEmpty()) {
      return false;
    }
    double lat = m.latitude().get();
    double lon = m.longitude().get();
    return lat >= south && lat <= north && lon >= west && lon <= east;
  }
}
