package io.clipsearch.app.detail;

import java.awt.Color;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;

/**
 * A photo that zooms and pans: it starts fitted to the view; the mouse wheel zooms about the
 * pointer, dragging pans, and {@link #zoomBy}, {@link #fit} and {@link #actualSize} serve the keys.
 * The zoom stays between the fitted size (or 100 % for small photos) and 8× the pixels.
 */
public final class ZoomView extends JComponent {

  static final double MAX_ZOOM = 8;

  private final BufferedImage image;

  /** Screen pixels per image pixel; 0 until the first layout fits the photo. */
  private double zoom;

  /** The image point at the view's centre. */
  private double centreX;

  private double centreY;

  public ZoomView(BufferedImage image) {
    this.image = image;
    setName("zoomView");
    setOpaque(true);
    setBackground(Color.BLACK);
    centreX = image.getWidth() / 2.0;
    centreY = image.getHeight() / 2.0;
    MouseAdapter mouse =
        new MouseAdapter() {
          private Point last;

          @Override
          public void mousePressed(MouseEvent e) {
            last = e.getPoint();
          }

          @Override
          public void mouseDragged(MouseEvent e) {
            if (last != null && zoom > 0) {
              centreX -= (e.getX() - last.x) / zoom;
              centreY -= (e.getY() - last.y) / zoom;
              last = e.getPoint();
              clampCentre();
              repaint();
            }
          }

          @Override
          public void mouseWheelMoved(MouseWheelEvent e) {
            zoomAbout(Math.pow(1.15, -e.getPreciseWheelRotation()), e.getX(), e.getY());
          }
        };
    addMouseListener(mouse);
    addMouseMotionListener(mouse);
    addMouseWheelListener(mouse);
  }

  /** Screen pixels per image pixel (1 = 100 %). */
  public double zoom() {
    return zoom == 0 ? fitZoom() : zoom;
  }

  /** Zooms by {@code factor} about the view's centre (+ and - keys). */
  public void zoomBy(double factor) {
    zoomAbout(factor, getWidth() / 2.0, getHeight() / 2.0);
  }

  /** Fits the whole photo in the view (0 key). */
  public void fit() {
    zoom = fitZoom();
    centreX = image.getWidth() / 2.0;
    centreY = image.getHeight() / 2.0;
    repaint();
  }

  /** One image pixel per screen pixel (1 key). */
  public void actualSize() {
    zoom = Math.max(minZoom(), 1.0);
    clampCentre();
    repaint();
  }

  private void zoomAbout(double factor, double x, double y) {
    double z = zoom();
    double nz = Math.max(minZoom(), Math.min(MAX_ZOOM, z * factor));
    // keep the image point under (x, y) where it is
    double px = centreX + (x - getWidth() / 2.0) / z;
    double py = centreY + (y - getHeight() / 2.0) / z;
    centreX = px - (x - getWidth() / 2.0) / nz;
    centreY = py - (y - getHeight() / 2.0) / nz;
    zoom = nz;
    clampCentre();
    repaint();
  }

  private double fitZoom() {
    if (getWidth() <= 0 || getHeight() <= 0) {
      return 1;
    }
    return Math.min(1.0 * getWidth() / image.getWidth(), 1.0 * getHeight() / image.getHeight());
  }

  private double minZoom() {
    return Math.min(1, fitZoom());
  }

  private void clampCentre() {
    double z = zoom();
    double halfW = getWidth() / 2.0 / z;
    double halfH = getHeight() / 2.0 / z;
    centreX =
        halfW * 2 >= image.getWidth()
            ? image.getWidth() / 2.0
            : Math.max(halfW, Math.min(image.getWidth() - halfW, centreX));
    centreY =
        halfH * 2 >= image.getHeight()
            ? image.getHeight() / 2.0
            : Math.max(halfH, Math.min(image.getHeight() - halfH, centreY));
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    try {
      g.setColor(getBackground());
      g.fillRect(0, 0, getWidth(), getHeight());
      double z = zoom();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION,
          z < 2
              ? RenderingHints.VALUE_INTERPOLATION_BILINEAR
              : RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
      int x = (int) Math.round(getWidth() / 2.0 - centreX * z);
      int y = (int) Math.round(getHeight() / 2.0 - centreY * z);
      g.drawImage(
          image,
          x,
          y,
          (int) Math.round(image.getWidth() * z),
          (int) Math.round(image.getHeight() * z),
          null);
    } finally {
      g.dispose();
    }
  }
}
