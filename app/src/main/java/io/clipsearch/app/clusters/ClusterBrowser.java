package io.clipsearch.app.clusters;

import com.formdev.flatlaf.FlatClientProperties;
import io.clipsearch.api.types.ClusterImage;
import io.clipsearch.api.types.ClusterInfo;
import io.clipsearch.api.types.ClusterLabel;
import io.clipsearch.app.paint.Painting;
import io.clipsearch.app.results.ThumbnailLoader;
import java.awt.BorderLayout;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.Scrollable;
import javax.swing.UIManager;

/**
 * The list of clusters: one card each with its name (best label), size, label scores and four
 * representative thumbnails. Clicking a card selects the cluster (the map highlights it); clicking
 * a thumbnail asks for "more like this". Clusters are few (k ≤ 100), so real components.
 */
final class ClusterBrowser extends JPanel implements Scrollable {

  static final int THUMB = 88;
  private final ClustersViewModel model;
  private final ThumbnailLoader thumbnails;
  private final Consumer<String> moreLike;
  private final List<Card> cards = new ArrayList<>();
  private List<ClusterInfo> shown = List.of();

  ClusterBrowser(ClustersViewModel model, ThumbnailLoader thumbnails, Consumer<String> moreLike) {
    this.model = model;
    this.thumbnails = thumbnails;
    this.moreLike = moreLike;
    setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
    setName("clusterBrowser");
    setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
  }

  /** Rebuilds the cards when the clusters change, else only the selection. */
  void update() {
    List<ClusterInfo> clusters = model.clusters();
    if (!clusters.equals(shown)) {
      shown = clusters;
      removeAll();
      cards.clear();
      thumbnails.dropWaiting();
      for (int i = 0; i < clusters.size(); i++) {
        Card card = new Card(i, clusters.get(i));
        cards.add(card);
        add(card);
        add(Box.createVerticalStrut(6));
      }
      add(Box.createVerticalGlue());
      revalidate();
    }
    for (Card c : cards) {
      c.setSelected(c.index == model.selectedIndex());
    }
    repaint();
  }

  /** Cards shown (tests). */
  int cardCount() {
    return cards.size();
  }

  private final class Card extends JPanel {
    final int index;
    private boolean selected;

    Card(int index, ClusterInfo c) {
      super(new BorderLayout(0, 4));
      this.index = index;
      setName("cluster-" + c.cluster());
      setOpaque(false);
      setBorder(BorderFactory.createEmptyBorder(8, 12, 8, 8));
      JLabel title =
          new JLabel(
              ClustersViewModel.name(c)
                  + "  ·  "
                  + c.size()
                  + (c.size() == 1 ? " photo" : " photos"));
      title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
      StringBuilder sb = new StringBuilder();
      if (c.labels() != null) {
        for (ClusterLabel l : c.labels()) {
          sb.append(sb.isEmpty() ? "" : "  ")
              .append(l.label())
              .append(' ')
              .append(String.format(Locale.ROOT, "%.2f", l.score()));
        }
      }
      JLabel labels = new JLabel(sb.isEmpty() ? "no labels" : sb.toString());
      labels.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
      labels.setForeground(UIManager.getColor("Label.disabledForeground"));
      JPanel text = new JPanel(new BorderLayout());
      text.setOpaque(false);
      text.add(title, BorderLayout.NORTH);
      text.add(labels, BorderLayout.SOUTH);
      JPanel thumbs = new JPanel(new FlowLayout(FlowLayout.LEFT, 4, 0));
      thumbs.setOpaque(false);
      List<ClusterImage> reps = c.representatives() == null ? List.of() : c.representatives();
      for (ClusterImage image : reps.subList(0, Math.min(4, reps.size()))) {
        thumbs.add(new Thumb(image, index));
      }
      add(text, BorderLayout.NORTH);
      add(thumbs, BorderLayout.CENTER);
      addMouseListener(
          new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
              model.select(model.selectedIndex() == index ? -1 : index);
            }
          });
      setAlignmentX(LEFT_ALIGNMENT);
    }

    void setSelected(boolean s) {
      selected = s;
    }

    @Override
    public Dimension getMaximumSize() {
      return new Dimension(Integer.MAX_VALUE, getPreferredSize().height);
    }

    @Override
    protected void paintComponent(Graphics graphics) {
      Graphics2D g = Painting.smooth(graphics);
      try {
        g.setColor(
            selected
                ? UIManager.getColor("List.selectionInactiveBackground")
                : UIManager.getColor("Panel.background"));
        g.fillRoundRect(0, 0, getWidth() - 1, getHeight() - 1, 12, 12);
        g.setColor(
            selected
                ? UIManager.getColor("Component.focusColor")
                : UIManager.getColor("Component.borderColor"));
        g.drawRoundRect(0, 0, getWidth() - 1, getHeight() - 1, 12, 12);
        g.setColor(ClusterColors.of(shown.get(index).cluster()));
        g.fillRoundRect(0, 0, 6, getHeight() - 1, 6, 6);
      } finally {
        g.dispose();
      }
    }
  }

  /** A representative's thumbnail, painted from the cache; a click asks for "more like this". */
  private final class Thumb extends JComponent {
    private final ClusterImage image;

    Thumb(ClusterImage image, int cardIndex) {
      this.image = image;
      setName("representative-" + image.id());
      setPreferredSize(new Dimension(THUMB, THUMB));
      setToolTipText("<html>" + escape(image.path()) + "<br>Click: more like this</html>");
      setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
      addMouseListener(
          new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
              model.select(cardIndex);
              moreLike.accept(image.id());
            }
          });
    }

    @Override
    protected void paintComponent(Graphics graphics) {
      Graphics2D g = Painting.smooth(graphics);
      try {
        BufferedImage img = thumbnails.get(image.thumbnailUrl());
        int w = getWidth();
        int h = getHeight();
        if (img == null) {
          g.setColor(UIManager.getColor("Component.borderColor"));
          g.fillRect(0, 0, w, h);
          return;
        }
        double s = Math.max((double) w / img.getWidth(), (double) h / img.getHeight());
        int dw = (int) Math.round(img.getWidth() * s);
        int dh = (int) Math.round(img.getHeight() * s);
        g.clipRect(0, 0, w, h);
        g.drawImage(img, (w - dw) / 2, (h - dh) / 2, dw, dh, null);
      } finally {
        g.dispose();
      }
    }
  }

  static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;");
  }

  @Override
  public Dimension getPreferredScrollableViewportSize() {
    return getPreferredSize();
  }

  @Override
  public int getScrollableUnitIncrement(Rectangle r, int orientation, int direction) {
    return 24;
  }

  @Override
  public int getScrollableBlockIncrement(Rectangle r, int orientation, int direction) {
    return r.height - 24;
  }

  @Override
  public boolean getScrollableTracksViewportWidth() {
    return true;
  }

  @Override
  public boolean getScrollableTracksViewportHeight() {
    return false;
  }
}
