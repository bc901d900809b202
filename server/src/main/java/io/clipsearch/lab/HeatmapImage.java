package io.clipsearch.lab;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a {@link SimilarityMatrix} as a heatmap PNG with Java2D (headless): one cell per pair,
 * coloured from the matrix's minimum (white) to its maximum (dark blue), the cosine printed in each
 * cell, row labels on the left and column labels above, rotated 45° so long captions stay readable.
 * Labels longer than {@value #MAX_LABEL} characters are cut with an ellipsis.
 *
 * <p>Stateless and thread-safe.
 */
public final class HeatmapImage {

  static final int MAX_LABEL = 40;
  private static final int CELL = 56;
  private static final int PAD = 12;
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font VALUE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Color LOW = new Color(0xF7, 0xFB, 0xFF);
  private static final Color HIGH = new Color(0x08, 0x30, 0x6B);

  private HeatmapImage() {}

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** Renders the heatmap. */
  public static BufferedImage render(SimilarityMatrix m) {
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D pg = probe.createGraphics();
    FontMetrics fm = pg.getFontMetrics(LABEL_FONT);
    int rowLabelWidth =
        m.rowLabels().stream().mapToInt(l -> fm.stringWidth(cut(l))).max().orElse(0);
    int columnLabelWidth =
        m.columnLabels().stream().mapToInt(l -> fm.stringWidth(cut(l))).max().orElse(0);
    pg.dispose();
    // a label rotated by 45° rises (and runs right) by width/√2
    int top = PAD + (int) Math.ceil(columnLabelWidth / Math.sqrt(2)) + fm.getHeight();
    int left = PAD + rowLabelWidth + PAD;
    int width = left + m.columns() * CELL + (int) Math.ceil(columnLabelWidth / Math.sqrt(2)) + PAD;
    int height = top + m.rows() * CELL + PAD;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      for (int r = 0; r < m.rows(); r++) {
        for (int c = 0; c < m.columns(); c++) {
          min = Math.min(min, m.at(r, c));
          max = Math.max(max, m.at(r, c));
        }
      }
      g.setFont(VALUE_FONT);
      FontMetrics vm = g.getFontMetrics();
      for (int r = 0; r < m.rows(); r++) {
        for (int c = 0; c < m.columns(); c++) {
          double t = max > min ? (m.at(r, c) - min) / (max - min) : 0.5;
          int x = left + c * CELL;
          int y = top + r * CELL;
          g.setColor(mix(t));
          g.fillRect(x, y, CELL, CELL);
          String value = String.format(Locale.ROOT, "%.2f", m.at(r, c));
          g.setColor(t > 0.55 ? Color.WHITE : Color.BLACK);
          g.drawString(
              value, x + (CELL - vm.stringWidth(value)) / 2, y + (CELL + vm.getAscent()) / 2 - 2);
        }
      }
      g.setColor(Color.GRAY);
      g.setStroke(new BasicStroke(1));
      g.drawRect(left, top, m.columns() * CELL, m.rows() * CELL);
      g.setFont(LABEL_FONT);
      g.setColor(Color.BLACK);
      for (int r = 0; r < m.rows(); r++) {
        String label = cut(m.rowLabels().get(r));
        g.drawString(
            label,
            left - PAD / 2 - fm.stringWidth(label),
            top + r * CELL + (CELL + fm.getAscent()) / 2 - 2);
      }
      AffineTransform plain = g.getTransform();
      for (int c = 0; c < m.columns(); c++) {
        g.setTransform(plain);
        g.translate(left + c * CELL + CELL / 2.0, top - PAD / 2.0);
        g.rotate(-Math.PI / 4);
        g.drawString(cut(m.columnLabels().get(c)), 0, 0);
      }
      g.setTransform(plain);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * Renders and writes the heatmap as PNG.
   *
   * @throws IOException if it cannot be written
   */
  public static void write(SimilarityMatrix m, Path png) throws IOException {
    if (!ImageIO.write(render(m), "png", png.toFile())) {
      throw new IOException("no PNG writer available for " + png);
    }
  }

  static String cut(String label) {
    String oneLine = label.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_LABEL ? oneLine : oneLine.substring(0, MAX_LABEL - 1) + "…";
  }

  private static Color mix(double t) {
    return new Color(
        (int) Math.round(LOW.getRed() + t * (HIGH.getRed() - LOW.getRed())),
        (int) Math.round(LOW.getGreen() + t * (HIGH.getGreen() - LOW.getGreen())),
        (int) Math.round(LOW.getBlue() + t * (HIGH.getBlue() - LOW.getBlue())));
  }
}
