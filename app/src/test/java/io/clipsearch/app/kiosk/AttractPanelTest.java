package io.clipsearch.app.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.ImageDetails;
import io.clipsearch.api.types.SearchQuery;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.app.detail.PhotoSource;
import io.clipsearch.app.places.GeoArea;
import io.clipsearch.app.search.SearchClient;
import io.clipsearch.app.tasks.BackgroundTasks;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

/** What the attract slideshow shows and how large, without a display. */
class AttractPanelTest {

  static final String CREDIT =
      "Bridge by Sander Klootwijk · CC-BY-4.0 / CC-BY-SA-4.0 per debian_copyright";

  static SearchResultHit photo(String id, int width, int height) {
    return new SearchResultHit(
        id,
        "/p/" + id + ".jpg",
        0.3,
        true,
        false,
        null,
        1000,
        width,
        height,
        null,
        "/t/" + id,
        "/i/" + id);
  }

  @Test
  void aLargePhotoFillsTheScreen() {
    assertEquals(
        1440.0 / 1024,
        AttractPanel.scale(1024, 683, 1440, 900),
        1e-9,
        "the wider of the two ratios: fill");
  }

  @Test
  void aThumbnailSizedPhotoIsNotBlownUpToFullScreen() {
    // filling 1440×900 with 160×120 would enlarge it 9 times
    assertEquals(AttractPanel.MAX_UPSCALE, AttractPanel.scale(160, 120, 1440, 900), 1e-9);
    assertEquals(
        900.0 / 600, AttractPanel.scale(400, 600, 1440, 900), 1e-9, "fitted, under the cap");
  }

  @Test
  void theSlidesAreThePhotosLargeEnoughForTheScreen() {
    SearchResultHit small = photo("small", 160, 120);
    SearchResultHit large = photo("large", 1024, 683);
    assertEquals(List.of(large), AttractPanel.slides(List.of(small, large)));
    assertEquals(
        List.of(small),
        AttractPanel.slides(List.of(small)),
        "small ones when there is nothing else");
  }

  @Test
  void theSlideshowCreditsThePhotoOnScreenInTheCorner() throws Exception {
    AttractPanel credited = started(CREDIT);
    AttractPanel anonymous = started(null);
    assertEquals(CREDIT, credited.credit());
    assertNull(anonymous.credit());
    // the same black photo; only the credit lights the corner under the invitation
    assertTrue(brightPixelsInCorner(credited) > 50, "the credit is drawn");
    assertEquals(0, brightPixelsInCorner(anonymous), "nothing drawn without a credit");
  }

  /** A slideshow of one large photo whose details carry {@code credit}, loaded at once. */
  private static AttractPanel started(String credit) throws Exception {
    SearchResultHit hit = photo("a", 1024, 683);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(64, 43, BufferedImage.TYPE_INT_RGB), "png", png);
    PhotoSource photos =
        new PhotoSource() {
          @Override
          public ImageDetails details(String id, String collection) {
            return new ImageDetails(
                id,
                hit.path(),
                1000,
                1024,
                683,
                Instant.EPOCH,
                null,
                null,
                null,
                null,
                null,
                null,
                1,
                List.of(),
                null,
                credit,
                List.of());
          }

          @Override
          public byte[] bytes(String relativeUrl) {
            return png.toByteArray();
          }
        };
    AtomicReference<AttractPanel> panel = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          AttractPanel p =
              new AttractPanel(
                  new OneResult(hit),
                  photos,
                  new BackgroundTasks(Runnable::run, Runnable::run),
                  "default");
          p.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
          p.setSize(1280, 800);
          p.start();
          p.stop();
          panel.set(p);
        });
    return panel.get();
  }

  private static int brightPixelsInCorner(AttractPanel panel) throws Exception {
    BufferedImage screen =
        new BufferedImage(panel.getWidth(), panel.getHeight(), BufferedImage.TYPE_INT_RGB);
    SwingUtilities.invokeAndWait(
        () -> {
          Graphics2D g = screen.createGraphics();
          panel.paint(g);
          g.dispose();
        });
    int bright = 0;
    for (int y = screen.getHeight() - 40; y < screen.getHeight(); y++) {
      for (int x = screen.getWidth() - 500; x < screen.getWidth(); x++) {
        bright += (screen.getRGB(x, y) & 0xff) > 120 ? 1 : 0;
      }
    }
    return bright;
  }

  /** A server whose every search finds one photo. */
  private record OneResult(SearchResultHit hit) implements SearchClient {
    @Override
    public SearchResults search(SearchQuery query) {
      return new SearchResults(List.of(hit), 1, 1, 0.0, true, 1L, query.collection(), null);
    }

    @Override
    public SearchResults searchByImage(byte[] image, SearchQuery query) {
      throw new UnsupportedOperationException("the slideshow only searches");
    }

    @Override
    public SearchResults browse(SearchQuery query) {
      throw new UnsupportedOperationException("the slideshow only searches");
    }

    @Override
    public SearchResults photosIn(String collection, GeoArea area, int offset, int limit) {
      throw new UnsupportedOperationException("the slideshow only searches");
    }
  }
}
