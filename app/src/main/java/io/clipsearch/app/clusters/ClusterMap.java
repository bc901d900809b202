package io.clipsearch.app.clusters;

import io.clipsearch.api.types.CollectionMapView;
import io.clipsearch.api.types.MapPointInfo;
import io.clipsearch.app.net.ClipsearchClient;
import io.clipsearch.app.paint.Painting;
import io.clipsearch.app.results.ThumbnailLoader;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Cursor;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.JComponent;
import javax.swing.UIManager;

/**
 * The collection map: each image a dot colored by cluster, the selected cluster highlighted. Mouse
 * wheel zooms around the cursor, dragging pans, hovering shows the image's thumbnail in a
 * tooltip-like box, a click asks for "more like this". It paints only what the view-model fetched
 * for the visible box (at most {@code limit} points), so it stays fast on large maps.
 *
 * <p>The map square is fitted into the component (no stretching).
 */
final class ClusterMap extends JComponent {

  private static final int HOVER_RADIUS = 7;

  /** The room between the frame and the plotted points: the hover ring's radius and a pixel. */
  static final int PLOT_INSET = HOVER_RADIUS + 1;

  private static final String HINT =
      "wheel: zoom · drag: pan · double-click: whole map · click a dot: more like this";
  private static final int POPUP = 128;
  private static final double WHEEL_STEP = 1.2;

  private final ClustersViewModel model;
  private final ThumbnailLoader thumbnails;
  private final Consumer<String> moreLike;
  private Point dragFrom;
  private MapViewport dragViewport;

  ClusterMap(ClustersViewModel model, ThumbnailLoader thumbnails, Consumer<String> moreLike) {
    this.model = model;
    this.thumbnails = thumbnails;
    this.moreLike = moreLike;
    setName("clusterMap");
    setOpaque(true);
    MouseAdapter mouseHandler =
        new MouseAdapter() {
          @Override
          public void mouseWheelMoved(MouseWheelEvent e) {
            double factor = Math.pow(WHEEL_STEP, e.getPreciseWheelRotation());
            double[] at = toMap(e.getX(), e.getY());
            model.setViewport(model.viewport().zoom(factor, at[0], at[1]));
          }

          @Override
          public void mousePressed(MouseEvent e) {
            dragFrom = e.getPoint();
            dragViewport = model.viewport();
          }

          @Override
          public void mouseDragged(MouseEvent e) {
            if (dragFrom == null) {
              return;
            }
            setCursor(Cursor.getPredefinedCursor(Cursor.MOVE_CURSOR));
            double scale = dragViewport.width() / square().width;
            model.hover(null);
            model.setViewport(
                dragViewport.pan((dragFrom.x - e.getX()) * scale, (dragFrom.y - e.getY()) * scale));
          }

          @Override
          public void mouseReleased(MouseEvent e) {
            dragFrom = null;
            setCursor(Cursor.getDefaultCursor());
          }

          @Override
          public void mouseMoved(MouseEvent e) {
            model.hover(pointAt(e.getX(), e.getY()));
          }

          @Override
          public void mouseExited(MouseEvent e) {
            model.hover(null);
          }

          @Override
          public void mouseClicked(MouseEvent e) {
            MapPointInfo p = pointAt(e.getX(), e.getY());
            if (p != null) {
              moreLike.accept(p.id());
            } else if (e.getClickCount() == 2) {
              model.resetViewport();
            }
          }
        };
    addMouseListener(mouseHandler);
    addMouseMotionListener(mouseHandler);
    addMouseWheelListener(mouseHandler);
  }

  /** The square the viewport is drawn into. */
  /** The map's frame (tests: what is drawn inside it). */
  Rectangle square() {
    int pad = 8;
    int side = Math.max(1, Math.min(getWidth(), getHeight()) - 2 * pad);
    return new Rectangle((getWidth() - side) / 2, (getHeight() - side) / 2, side, side);
  }

  /**
   * Where the points are plotted: the frame less a dot's width, so the outermost photos of the
   * whole map (on its edges) are drawn whole, not cut in half by the frame.
   */
  private Rectangle plot() {
    Rectangle r = square();
    r.grow(-PLOT_INSET, -PLOT_INSET);
    return r.width < 1 ? square() : r;
  }

  double[] toMap(int px, int py) {
    Rectangle r = plot();
    MapViewport v = model.viewport();
    return new double[] {
      v.minX() + (px - r.x) * v.width() / r.width, v.minY() + (py - r.y) * v.height() / r.height
    };
  }

  /** Screen position of a map point under the current viewport. */
  Point toScreen(MapPointInfo p) {
    Rectangle r = plot();
    MapViewport v = model.viewport();
    return new Point(
        (int) Math.round(r.x + (p.x() - v.minX()) / v.width() * r.width),
        (int) Math.round(r.y + (p.y() - v.minY()) / v.height() * r.height));
  }

  /** The nearest point within {@link #HOVER_RADIUS} pixels, or null. */
  MapPointInfo pointAt(int px, int py) {
    MapPointInfo best = null;
    long bestD = (long) HOVER_RADIUS * HOVER_RADIUS + 1;
    for (MapPointInfo p : model.points()) {
      Point s = toScreen(p);
      long dx = s.x - px;
      long dy = s.y - py;
      long d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = p;
      }
    }
    return best;
  }

  /** Level of detail: about one point per 120 square pixels of map, within 500–20,000. */
  int limitForSize() {
    Rectangle r = square();
    return (int) Math.max(500, Math.min(20_000, (long) r.width * r.height / 120));
  }

  @Override
  public void setBounds(int x, int y, int width, int height) {
    super.setBounds(x, y, width, height);
    model.setLimit(limitForSize());
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = Painting.smooth(graphics);
    try {
      g.setColor(UIManager.getColor("Panel.background"));
      g.fillRect(0, 0, getWidth(), getHeight());
      Rectangle r = square();
      g.setColor(UIManager.getColor("TextField.background"));
      g.fillRect(r.x, r.y, r.width, r.height);
      g.setColor(UIManager.getColor("Component.borderColor"));
      g.drawRect(r.x, r.y, r.width, r.height);
      paintPoints(g, r);
      paintStatus(g, r);
      paintHover(g);
    } finally {
      g.dispose();
    }
  }

  private void paintPoints(Graphics2D g, Rectangle r) {
    List<MapPointInfo> points = model.points();
    int selected = model.selectedClusterId();
    double size =
        points.size() > 5000 ? 3 : points.size() > 1000 ? 4.5 : points.size() > 200 ? 7 : 9;
    Graphics2D clip = (Graphics2D) g.create();
    try {
      clip.clipRect(r.x, r.y, r.width + 1, r.height + 1);
      Ellipse2D.Double dot = new Ellipse2D.Double();
      for (int pass = 0; pass < 2; pass++) {
        for (MapPointInfo p : points) {
          boolean highlight = selected < 0 || p.cluster() == selected;
          if ((pass == 0) == highlight && selected >= 0) {
            continue; // dimmed ones first, highlighted on top
          }
          if (pass == 1 && selected < 0) {
            continue;
          }
          Point s = toScreen(p);
          Color c = ClusterColors.of(p.cluster());
          clip.setComposite(
              AlphaComposite.getInstance(AlphaComposite.SRC_OVER, highlight ? 0.85f : 0.3f));
          clip.setColor(c);
          dot.setFrame(s.x - size / 2, s.y - size / 2, size, size);
          clip.fill(dot);
        }
      }
      MapPointInfo hovered = model.hovered();
      if (hovered != null) {
        Point s = toScreen(hovered);
        clip.setComposite(AlphaComposite.SrcOver);
        clip.setColor(UIManager.getColor("Label.foreground"));
        clip.draw(new Ellipse2D.Double(s.x - 7, s.y - 7, 14, 14));
      }
    } finally {
      clip.dispose();
    }
  }

  private void paintStatus(Graphics2D g, Rectangle r) {
    FontMetrics fm = g.getFontMetrics();
    String message = model.mapMessage();
    if (message != null) {
      g.setColor(UIManager.getColor("Label.disabledForeground"));
      int w = fm.stringWidth(message);
      g.drawString(message, r.x + (r.width - w) / 2, r.y + r.height / 2);
    }
    CollectionMapView view = model.mapView();
    String line;
    if (model.mapStatus() == ClustersViewModel.ClusterLoad.LOADING) {
      line = "Loading map…";
    } else if (view != null && view.total() > 0) {
      line =
          String.format(
              Locale.ROOT,
              "%s · %,d photos · %,d in view · %,d shown%s",
              view.method().toUpperCase(Locale.ROOT),
              view.total(),
              view.inBox(),
              view.points().size(),
              model.sampled() ? " (sample: zoom in for all)" : "");
    } else {
      line = null;
    }
    g.setColor(UIManager.getColor("Label.disabledForeground"));
    if (line != null) {
      g.drawString(fitted(line, fm, r.width - 16), r.x + 8, r.y + fm.getAscent() + 6);
    }
    g.drawString(fitted(HINT, fm, r.width - 16), r.x + 8, r.y + r.height - fm.getDescent() - 6);
  }

  /**
   * {@code text} cut to whole " · "-separated parts that fit {@code width}, else ended with "…".
   */
  static String fitted(String text, FontMetrics fm, int width) {
    String t = text;
    while (fm.stringWidth(t) > width && t.contains(" · ")) {
      t = t.substring(0, t.lastIndexOf(" · "));
    }
    while (fm.stringWidth(t) > width && t.length() > 1) {
      t = t.substring(0, t.length() - 2) + "…";
    }
    return t;
  }

  private void paintHover(Graphics2D g) {
    MapPointInfo p = model.hovered();
    if (p == null) {
      return;
    }
    Point s = toScreen(p);
    String url = thumbnailUrl(p.id());
    BufferedImage img = thumbnails.get(url);
    var cluster = model.clusterById(p.cluster());
    String caption = cluster == null ? "unclustered" : ClustersViewModel.name(cluster);
    FontMetrics fm = g.getFontMetrics();
    int dw = POPUP;
    int dh = POPUP * 3 / 4;
    if (img != null) {
      double sc = Math.min((double) POPUP / img.getWidth(), (double) POPUP / img.getHeight());
      dw = (int) Math.round(img.getWidth() * sc);
      dh = (int) Math.round(img.getHeight() * sc);
    }
    int w = Math.max(dw, fm.stringWidth(caption) + 12) + 12;
    int h = dh + 14 + fm.getHeight();
    int x = s.x + 14;
    int y = s.y + 14;
    if (x + w > getWidth()) {
      x = s.x - 14 - w;
    }
    if (y + h > getHeight()) {
      y = s.y - 14 - h;
    }
    g.setComposite(AlphaComposite.SrcOver);
    g.setColor(UIManager.getColor("ToolTip.background"));
    g.fillRoundRect(x, y, w, h, 10, 10);
    g.setColor(UIManager.getColor("Component.borderColor"));
    g.drawRoundRect(x, y, w, h, 10, 10);
    if (img != null) {
      g.drawImage(img, x + (w - dw) / 2, y + 6, dw, dh, null);
    } else {
      g.setColor(UIManager.getColor("Component.borderColor"));
      g.fillRect(x + (w - dw) / 2, y + 6, dw, dh);
    }
    int textY = y + dh + 10;
    g.setColor(ClusterColors.of(p.cluster()));
    g.fillOval(x + 6, textY + (fm.getHeight() - 8) / 2, 8, 8);
    g.setColor(UIManager.getColor("ToolTip.foreground"));
    g.drawString(caption, x + 18, textY + fm.getAscent());
  }

  private String thumbnailUrl(String id) {
    return ClipsearchClient.thumbnailUrl(id, model.collection());
  }
}
