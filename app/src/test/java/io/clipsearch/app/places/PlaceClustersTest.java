package io.clipsearch.app.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.PlaceInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clustering on the pixel grid and the map's projection, zoom and pan. */
class PlaceClustersTest {

  static final PlaceInfo LOUVRE = new PlaceInfo("louvre", 48.8606, 2.3376);
  static final PlaceInfo NOTRE_DAME = new PlaceInfo("notre-dame", 48.8530, 2.3499);
  static final PlaceInfo SYDNEY = new PlaceInfo("opera", -33.8568, 151.2153);

  @Test
  void theWholeWorldFitsTheMapWithItsShape() {
    GeoProjection p = GeoView.WORLD.projection(720, 500);
    // 720 px for 360° beats 500 px for 180°: 0.5° a pixel, the world 360 px high, centred
    assertEquals(0.5, p.degreesPerPixel(), 1e-12);
    assertEquals(0, p.x(-180), 1e-9);
    assertEquals(720, p.x(180), 1e-9);
    assertEquals(250 - 180, p.y(90), 1e-9);
    assertEquals(2.3376, p.lon(p.x(2.3376)), 1e-9);
    assertEquals(48.8606, p.lat(p.y(48.8606)), 1e-9);
  }

  @Test
  void nearbyPhotosMergeAtWorldScaleAndSplitWhenZoomedIn() {
    List<PlaceInfo> places = List.of(LOUVRE, NOTRE_DAME, SYDNEY);
    List<PlaceCluster> world = PlaceClusters.of(places, GeoView.WORLD.projection(720, 360), 36);
    assertEquals(2, world.size());
    PlaceCluster paris = world.getFirst();
    assertEquals(2, paris.count(), "largest first");
    assertEquals(
        new GeoArea(2.3376, 48.8530, 2.3499, 48.8606),
        paris.area(),
        "exactly its members' rectangle");
    assertTrue(
        paris.area().contains(LOUVRE)
            && paris.area().contains(NOTRE_DAME)
            && !paris.area().contains(SYDNEY));

    // 0.0123° of longitude apart: at zoom 2,000 on a 720-pixel map a pixel is 0.00025°, so 49
    // pixels,
    // more than a cell
    GeoView street = GeoView.WORLD.zoomBy(2_000, 2.344, 48.857);
    List<PlaceCluster> close = PlaceClusters.of(places, street.projection(720, 360), 36);
    assertEquals(
        List.of(1, 1), close.stream().map(PlaceCluster::count).toList(), "Sydney is off the map");
  }

  @Test
  void zoomKeepsThePointUnderThePointerAndStaysInRange() {
    GeoView v = GeoView.WORLD.zoomBy(4, 2.35, 48.85);
    GeoProjection before = GeoView.WORLD.projection(800, 400);
    GeoProjection after = v.projection(800, 400);
    assertEquals(before.x(2.35), after.x(2.35), 1e-6);
    assertEquals(before.y(48.85), after.y(48.85), 1e-6);
    assertEquals(1, GeoView.WORLD.zoomBy(0.25, 10, 10).zoom(), "never smaller than the world");
    assertEquals(GeoView.MAX_ZOOM, v.zoomBy(1e9, 0, 0).zoom());
    assertEquals(180, v.pan(1000, 0).centerLon(), "the centre stays on the world");
  }

  @Test
  void theAreaIsTheServersBboxAndReadsAsCoordinates() {
    GeoArea a = new GeoArea(2.3376, 48.853, 2.3499, 48.8606);
    assertEquals(
        "2.3376,48.853,2.3499,48.8606", a.bbox(), "full precision: the edge photos stay inside");
    assertEquals("48.86° N, 2.34° E", a.describe());
    assertEquals(
        "33.86° S, 151.22° E", new GeoArea(151.2153, -33.8568, 151.2153, -33.8568).describe());
  }

  @Test
  void theBundledOutlineHasTheContinents() {
    WorldOutline outline = WorldOutline.bundled();
    assertTrue(outline.rings() > 100, "Natural Earth 110m land: " + outline.rings() + " rings");
    GeoProjection p = GeoView.WORLD.projection(720, 360);
    var land = outline.path(p);
    assertTrue(land.contains(p.x(20), p.y(10)), "Africa (Chad) is land");
    assertTrue(land.contains(p.x(2.35), p.y(48.85)), "Paris is land");
    assertTrue(!land.contains(p.x(-30), p.y(0)), "the mid-Atlantic is sea");
  }
}
