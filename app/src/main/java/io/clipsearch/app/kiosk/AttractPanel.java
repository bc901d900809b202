package io.clipsearch.app.kiosk;

import io.clipsearch.api.types.ImageDetails;
import io.clipsearch.api.types.SearchQuery;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.detail.ExifOrientation;
import io.clipsearch.app.detail.ImageDecoding;
import io.clipsearch.app.detail.PhotoSource;
import io.clipsearch.app.paint.Painting;
import io.clipsearch.app.search.SearchClient;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.Timer;

/**
 * The kiosk's attract screen: a slideshow of the collection's photos (the most recent ones,
 * shuffled; clusters do not exist yet), each filling the screen, with an invitation to touch and,
 * in small type, the photo's credit where the server knows one (CC-BY photos must name their
 * author). Images and their details load on workers one ahead of the one shown; a Swing timer
 * advances every 6 s while the panel is running.
 */
final class AttractPanel extends JComponent {

  private static final int SLIDE_MILLIS = 6000;

  /**
   * How far a photo may be enlarged before it looks blurred; smaller photos show smaller, on black.
   */
  static final double MAX_UPSCALE = 2.0;

  /**
   * The long side of a photo worth a full screen; smaller ones show only when there is nothing
   * else.
   */
  static final int SLIDE_SIDE = 800;

  private final SearchClient search;
  private final PhotoSource photos;
  private final BackgroundTasks tasks;
  private final String collection;
  private final Timer timer = new Timer(SLIDE_MILLIS, e -> advance());
  private List<SearchResultHit> slides = List.of();
  private int next;
  private Slide current;
  private Slide upcoming;
  private String caption = "";

  /** A photo ready to show: its upright pixels and who to credit (null: nobody named). */
  private record Slide(BufferedImage image, String credit) {}

  AttractPanel(SearchClient search, PhotoSource photos, BackgroundTasks tasks, String collection) {
    this.search = search;
    this.photos = photos;
    this.tasks = tasks;
    this.collection = collection;
    setName("attract");
    setOpaque(true);
  }

  /** Starts the slideshow (loads the slides the first time). */
  void start() {
    if (slides.isEmpty()) {
      SearchQuery q =
          new SearchQuery(
              "photo",
              collection,
              null,
              null,
              null,
              null,
              null,
              null,
              "date_desc",
              null,
              60,
              null,
              null,
              false);
      tasks.submit(
          () -> search.search(q).hits(),
          hits -> {
            List<SearchResultHit> shuffled = new ArrayList<>(slides(hits));
            Collections.shuffle(shuffled);
            slides = shuffled;
            prefetch();
          },
          e -> caption = "");
    } else if (upcoming == null) {
      prefetch();
    }
    timer.start();
  }

  void stop() {
    timer.stop();
  }

  /** Whether a photo is on screen. */
  boolean showingPhoto() {
    return current != null;
  }

  /** The credit shown with the photo on screen; null when none is (no photo, or nobody named). */
  String credit() {
    return current == null ? null : current.credit();
  }

  /** The photos large enough for the screen, or all of them when none is. */
  static List<SearchResultHit> slides(List<SearchResultHit> hits) {
    List<SearchResultHit> large =
        hits.stream().filter(h -> Math.max(h.width(), h.height()) >= SLIDE_SIDE).toList();
    return large.isEmpty() ? hits : large;
  }

  /**
   * The scale of an {@code iw}×{@code ih} photo on a {@code w}×{@code h} screen: filling it where
   * that enlarges at most {@link #MAX_UPSCALE} times, else fitted inside it, never enlarged more.
   */
  static double scale(int iw, int ih, int w, int h) {
    double fill = Math.max(1.0 * w / iw, 1.0 * h / ih);
    return fill <= MAX_UPSCALE ? fill : Math.min(MAX_UPSCALE, Math.min(1.0 * w / iw, 1.0 * h / ih));
  }

  private void advance() {
    if (upcoming != null) {
      current = upcoming;
      upcoming = null;
      repaint();
      prefetch();
    }
  }

  private void prefetch() {
    if (slides.isEmpty()) {
      return;
    }
    SearchResultHit hit = slides.get(next++ % slides.size());
    int side = Math.max(1280, getWidth());
    tasks.submit(
        () -> {
          ImageDetails details = photos.details(hit.id(), collection);
          BufferedImage image = ImageDecoding.readScaled(photos.bytes(hit.imageUrl()), side);
          return new Slide(ExifOrientation.apply(image, details.orientation()), details.credit());
        },
        slide -> {
          upcoming = slide;
          if (current == null) {
            advance();
          }
        },
        e -> {
          if (next < slides.size() * 2) {
            prefetch(); // skip a photo that cannot be shown
          }
        });
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = Painting.smooth(graphics);
    try {
      int w = getWidth();
      int h = getHeight();
      g.setColor(Color.BLACK);
      g.fillRect(0, 0, w, h);
      if (current != null) {
        BufferedImage image = current.image();
        double s = scale(image.getWidth(), image.getHeight(), w, h);
        int iw = (int) (image.getWidth() * s);
        int ih = (int) (image.getHeight() * s);
        g.drawImage(image, (w - iw) / 2, (h - ih) / 2, iw, ih, null);
      }
      int band = Math.max(160, h / 4);
      g.setPaint(
          new GradientPaint(0, h - band, new Color(0, 0, 0, 0), 0, h, new Color(0, 0, 0, 200)));
      g.fillRect(0, h - band, w, band);
      Font title = getFont().deriveFont(Font.BOLD, Math.max(36f, h / 16f));
      Font sub = getFont().deriveFont(Math.max(22f, h / 34f));
      g.setColor(Color.WHITE);
      g.setFont(title);
      FontMetrics fm = g.getFontMetrics();
      String t = "Touch to search the photos";
      g.drawString(t, (w - fm.stringWidth(t)) / 2, h - band / 2);
      g.setFont(sub);
      fm = g.getFontMetrics();
      String st =
          caption.isEmpty()
              ? "Describe what you are looking for: \"a beach at sunset\", \"red flowers\"…"
              : caption;
      g.drawString(st, (w - fm.stringWidth(st)) / 2, h - band / 2 + fm.getHeight() + 8);
      String credit = credit();
      if (credit != null) {
        // small, in the corner below the invitation: named as the license asks, never in the way
        g.setFont(getFont().deriveFont(Math.max(13f, h / 64f)));
        g.setColor(new Color(255, 255, 255, 190));
        fm = g.getFontMetrics();
        int pad = Math.max(12, h / 90);
        g.drawString(
            credit, Math.max(pad, w - pad - fm.stringWidth(credit)), h - pad - fm.getDescent());
      }
    } finally {
      g.dispose();
    }
  }
}
