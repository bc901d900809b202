package io.clipsearch.app.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.api.types.SearchResultHit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the attract slideshow shows and how large, without a display. */
class AttractPanelTest {

  static SearchResultHit photo(String id, int width, int height) {
    return new SearchResultHit(id, "/p/" + id + ".jpg", 0.3, true, false, null, 1000, width, height, null,
        "/t/" + id, "/i/" + id);
  }

  @Test
  void aLargePhotoFillsTheScreen() {
    assertEquals(1440.0 / 1024, AttractPanel.scale(1024, 683, 1440, 900), 1e-9, "the wider of the two ratios: fill");
  }

  @Test
  void aThumbnailSizedPhotoIsNotBlownUpToFullScreen() {
    // filling 1440×900 with 160×120 would enlarge it 9 times
    assertEquals(AttractPanel.MAX_UPSCALE, AttractPanel.scale(160, 120, 1440, 900), 1e-9);
    assertEquals(900.0 / 600, AttractPanel.scale(400, 600, 1440, 900), 1e-9, "fitted, under the cap");
  }

  @Test
  void theSlidesAreThePhotosLargeEnoughForTheScreen() {
    SearchResultHit small = photo("small", 160, 120);
    SearchResultHit large = photo("large", 1024, 683);
    assertEquals(List.of(large), AttractPanel.slides(List.of(small, large)));
    assertEquals(List.of(small), AttractPanel.slides(List.of(small)), "small ones when there is nothing else");
  }
}
