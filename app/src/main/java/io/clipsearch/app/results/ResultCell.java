package io.clipsearch.app.results;

import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.paint.Painting;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;

/**
 * Paints one result: the thumbnail fitted into a square, the score badge (green when above the
 * confidence threshold) with what the words matched (see {@link ResultBadge}), and the file name.
 * One instance renders every cell (the JList's flyweight), so 10,000 results cost no components.
 */
final class ResultCell extends JComponent implements ListCellRenderer<SearchResultHit> {

  private final ThumbnailLoader thumbnails;
  private int pad;
  private boolean showScores = true;
  private boolean visitor;
  private SearchResultHit hit;
  private boolean selected;
  private boolean focused;

  ResultCell(ThumbnailLoader thumbnails, int pad) {
    this.thumbnails = thumbnails;
    this.pad = pad;
  }

  void setPad(int p) {
    pad = p;
  }

  /** Kiosk mode: no raw scores on the badges. */
  void setShowScores(boolean show) {
    showScores = show;
  }

  /** Kiosk mode: visitors see the photos only, without file names or "name"/"tag" match badges. */
  void setVisitor(boolean v) {
    visitor = v;
  }

  /** The badge drawn on {@code h}'s thumbnail, or null for none. */
  String badge(SearchResultHit h) {
    return visitor ? null : ResultBadge.text(h, showScores);
  }

  /** The line drawn under {@code h}'s thumbnail, or null for none. */
  String caption(SearchResultHit h) {
    return visitor ? null : fileName(h.path());
  }

  @Override
  public Component getListCellRendererComponent(
      JList<? extends SearchResultHit> list,
      SearchResultHit value,
      int index,
      boolean isSelected,
      boolean cellHasFocus) {
    this.hit = value;
    this.selected = isSelected;
    this.focused = cellHasFocus;
    setFont(list.getFont());
    return this;
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = Painting.smooth(graphics);
    try {
      int w = getWidth();
      int h = getHeight();
      Color selection = UIManager.getColor("List.selectionBackground");
      if (selected) {
        g.setColor(selection);
        g.fillRoundRect(2, 2, w - 4, h - 4, 12, 12);
      }
      FontMetrics fm = g.getFontMetrics(getFont());
      String name = caption(hit);
      int textH = name == null ? 0 : fm.getHeight() + 4;
      int box = Math.min(w - 2 * pad, h - 2 * pad - textH);
      int bx = (w - box) / 2;
      int by = pad;
      if (!hit.confident()) {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.55f));
      }
      BufferedImage image = thumbnails.get(hit.thumbnailUrl());
      if (image != null) {
        double s = Math.min((double) box / image.getWidth(), (double) box / image.getHeight());
        int iw = (int) Math.round(image.getWidth() * s);
        int ih = (int) Math.round(image.getHeight() * s);
        g.drawImage(image, bx + (box - iw) / 2, by + (box - ih) / 2, iw, ih, null);
      } else {
        g.setColor(UIManager.getColor("Panel.background").darker());
        g.fillRoundRect(bx, by, box, box, 8, 8);
        g.setColor(UIManager.getColor("Label.disabledForeground"));
        String label = thumbnails.hasFailed(hit.thumbnailUrl()) ? "no preview" : "loading…";
        g.drawString(label, bx + (box - fm.stringWidth(label)) / 2, by + box / 2);
      }
      g.setComposite(AlphaComposite.SrcOver);

      String badge = badge(hit);
      if (badge != null) {
        Font small = getFont().deriveFont(Font.BOLD, getFont().getSize2D() * 0.85f);
        g.setFont(small);
        FontMetrics sm = g.getFontMetrics();
        int bw = sm.stringWidth(badge) + 10;
        int bh = sm.getHeight() + 2;
        g.setColor(hit.confident() ? new Color(0x2e7d32) : new Color(0x616161));
        g.fillRoundRect(bx + 4, by + 4, bw, bh, bh, bh);
        g.setColor(Color.WHITE);
        g.drawString(badge, bx + 9, by + 4 + sm.getAscent() + 1);
      }

      if (name != null) {
        g.setFont(getFont());
        g.setColor(
            selected
                ? UIManager.getColor("List.selectionForeground")
                : UIManager.getColor("List.foreground"));
        g.drawString(
            ellipsize(name, fm, w - 2 * pad),
            pad + Math.max(0, (w - 2 * pad - fm.stringWidth(name)) / 2),
            by + box + 4 + fm.getAscent());
      }
      if (focused && !selected) {
        g.setColor(selection);
        g.drawRoundRect(2, 2, w - 5, h - 5, 12, 12);
      }
    } finally {
      g.dispose();
    }
  }

  static String fileName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }

  static String ellipsize(String s, FontMetrics fm, int width) {
    if (fm.stringWidth(s) <= width) {
      return s;
    }
    String dots = "…";
    int end = s.length();
    while (end > 0 && fm.stringWidth(s.substring(0, end) + dots) > width) {
      end--;
    }
    return s.substring(0, end) + dots;
  }
}
