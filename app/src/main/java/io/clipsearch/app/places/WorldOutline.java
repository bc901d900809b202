package io.clipsearch.app.places;

import java.awt.geom.Path2D;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The land masses of the world as closed rings of longitude/latitude, for the places map's
 * background: no tile server, nothing fetched. The bundled data is Natural Earth's 1:110m land
 * (public domain), as redistributed in the world-atlas package; {@code scripts/world-outline}
 * writes the resource {@value #RESOURCE} from it. Immutable.
 */
public final class WorldOutline {

  static final String RESOURCE = "world-land-110m.txt";

  /** Each ring as lon, lat, lon, lat... */
  private final List<double[]> rings;

  private WorldOutline(List<double[]> rings) {
    this.rings = List.copyOf(rings);
  }

  /**
   * The bundled 1:110m outline (129 rings, about 67 kB; read once per call).
   *
   * @throws UncheckedIOException if the resource is missing or malformed (a broken build)
   */
  public static WorldOutline bundled() {
    try (InputStream in = WorldOutline.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException(RESOURCE + " is not on the class path");
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      List<double[]> rings = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          rings.add(ring(line));
        }
      }
      return new WorldOutline(rings);
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(
          new IOException("cannot read the world outline: " + e.getMessage(), e));
    }
  }

  private static double[] ring(String line) {
    String[] points = line.strip().split(" ");
    double[] ring = new double[points.length * 2];
    for (int i = 0; i < points.length; i++) {
      int comma = points[i].indexOf(',');
      ring[2 * i] = Double.parseDouble(points[i].substring(0, comma));
      ring[2 * i + 1] = Double.parseDouble(points[i].substring(comma + 1));
    }
    return ring;
  }

  /** Number of rings (islands and continents). */
  int rings() {
    return rings.size();
  }

  /** The land as one shape in the map's pixels. */
  public Path2D path(GeoProjection projection) {
    Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
    for (double[] ring : rings) {
      path.moveTo(projection.x(ring[0]), projection.y(ring[1]));
      for (int i = 2; i < ring.length; i += 2) {
        path.lineTo(projection.x(ring[i]), projection.y(ring[i + 1]));
      }
      path.closePath();
    }
    return path;
  }
}
