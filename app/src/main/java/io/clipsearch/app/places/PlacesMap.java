package io.clipsearch.app.places;

import com.formdev.flatlaf.FlatLaf;
import io.clipsearch.app.paint.Painting;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.JComponent;
import javax.swing.ToolTipManager;
import javax.swing.UIManager;

/**
 * The world map of the places: land from the bundled {@link WorldOutline} on an equirectangular
 * projection, a 30° graticule, and the photos as dots, merged into numbered clusters where dots
 * would overlap ({@link PlaceClusters}). Scroll to zoom around the pointer, drag to move, click a
 * dot to open its photos. Paints from the {@link PlacesViewModel}; EDT only.
 */
public final class PlacesMap extends JComponent {

  /** Dots closer than this many pixels merge into one cluster. */
  static final int CELL = 36;

  private static final double WHEEL_STEP = 1.5;

  private final PlacesViewModel model;
  private final WorldOutline outline;
  private final Consumer<PlaceCluster> open;
  private int dragX;
  private int dragY;
  private boolean dragged;

  /**
   * @param open told the cluster (or single photo) clicked
   */
  public PlacesMap(PlacesViewModel model, WorldOutline outline, Consumer<PlaceCluster> open) {
    this.model = Objects.requireNonNull(model, "model");
    this.outline = Objects.requireNonNull(outline, "outline");
    this.open = Objects.requireNonNull(open, "open");
    setName("placesMap");
    setPreferredSize(new Dimension(720, 360));
    setFocusable(true);
    ToolTipManager.sharedInstance().registerComponent(this);
    MouseAdapter mouse =
        new MouseAdapter() {
          @Override
          public void mousePressed(MouseEvent e) {
            dragX = e.getX();
            dragY = e.getY();
            dragged = false;
            requestFocusInWindow();
          }

          @Override
          public void mouseDragged(MouseEvent e) {
            GeoProjection p = projection();
            model.setView(
                model
                    .view()
                    .pan(
                        -(e.getX() - dragX) * p.degreesPerPixel(),
                        (e.getY() - dragY) * p.degreesPerPixel()));
            dragX = e.getX();
            dragY = e.getY();
            dragged = true;
          }

          @Override
          public void mouseClicked(MouseEvent e) {
            if (!dragged) {
              clusterAt(e.getX(), e.getY()).ifPresent(open);
            }
          }

          @Override
          public void mouseWheelMoved(MouseWheelEvent e) {
            zoomAt(
                e.getPreciseWheelRotation() < 0 ? WHEEL_STEP : 1 / WHEEL_STEP, e.getX(), e.getY());
          }
        };
    addMouseListener(mouse);
    addMouseMotionListener(mouse);
    addMouseWheelListener(mouse);
  }

  /** Zooms by {@code factor} keeping the pixel {@code (x, y)} where it is. */
  public void zoomAt(double factor, double x, double y) {
    GeoProjection p = projection();
    model.setView(model.view().zoomBy(factor, p.lon(x), p.lat(y)));
  }

  /** The projection of the model's view at the map's current size. */
  public GeoProjection projection() {
    return model.view().projection(getWidth(), getHeight());
  }

  /** The clusters as drawn now, largest first. */
  public List<PlaceCluster> clusters() {
    return PlaceClusters.of(model.places(), projection(), CELL);
  }

  /** The cluster whose dot covers the pixel, the largest where dots touch. */
  public Optional<PlaceCluster> clusterAt(double x, double y) {
    return clusters().stream()
        .filter(c -> Math.hypot(c.x() - x, c.y() - y) <= radius(c.count()) + 2)
        .findFirst();
  }

  @Override
  public String getToolTipText(MouseEvent e) {
    return clusterAt(e.getX(), e.getY())
        .map(
            c ->
                String.format(
                    Locale.ROOT,
                    "%,d %s near %s — click to see",
                    c.count(),
                    c.count() == 1 ? "photo" : "photos",
                    c.area().describe()))
        .orElse(null);
  }

  static double radius(int count) {
    return count == 1 ? 5 : Math.min(22, 7 + 3 * Math.log(count) / Math.log(2));
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = Painting.smooth(graphics);
    try {
      boolean dark = FlatLaf.isLafDark();
      GeoProjection p = projection();
      g.setColor(dark ? new Color(0x1d2833) : new Color(0xdce8f2));
      g.fillRect(0, 0, getWidth(), getHeight());
      paintGraticule(g, p, dark);
      var land = outline.path(p);
      g.setColor(dark ? new Color(0x3b4147) : new Color(0xf6f2e8));
      g.fill(land);
      g.setColor(dark ? new Color(0x5d646b) : new Color(0xb9b1a0));
      g.setStroke(new BasicStroke(0.8f));
      g.draw(land);
      paintClusters(g, clusters());
    } finally {
      g.dispose();
    }
  }

  private static void paintGraticule(Graphics2D g, GeoProjection p, boolean dark) {
    g.setColor(dark ? new Color(0x26323e) : new Color(0xcadbe9));
    g.setStroke(new BasicStroke(1f));
    for (int lon = -180; lon <= 180; lon += 30) {
      g.draw(new Line2D.Double(p.x(lon), p.y(90), p.x(lon), p.y(-90)));
    }
    for (int lat = -90; lat <= 90; lat += 30) {
      g.draw(new Line2D.Double(p.x(-180), p.y(lat), p.x(180), p.y(lat)));
    }
  }

  private void paintClusters(Graphics2D g, List<PlaceCluster> clusters) {
    Color accent =
        UIManager.getColor("Component.accentColor") != null
            ? UIManager.getColor("Component.accentColor")
            : new Color(0x2675bf);
    Font font =
        getFont() != null
            ? getFont().deriveFont(Font.BOLD, 11f)
            : new Font(Font.SANS_SERIF, Font.BOLD, 11);
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    // smallest last would hide them under big ones: draw the largest first
    for (PlaceCluster c : clusters) {
      double r = radius(c.count());
      Ellipse2D dot = new Ellipse2D.Double(c.x() - r, c.y() - r, 2 * r, 2 * r);
      g.setColor(new Color(accent.getRed(), accent.getGreen(), accent.getBlue(), 215));
      g.fill(dot);
      g.setColor(Color.WHITE);
      g.setStroke(new BasicStroke(1.5f));
      g.draw(dot);
      if (c.count() > 1) {
        String n = c.count() >= 1000 ? c.count() / 1000 + "k" : Integer.toString(c.count());
        g.drawString(
            n,
            (float) (c.x() - fm.stringWidth(n) / 2.0),
            (float) (c.y() + fm.getAscent() / 2.0 - 1));
      }
    }
  }
}
