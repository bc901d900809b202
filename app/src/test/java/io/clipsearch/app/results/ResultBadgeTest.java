package io.clipsearch.app.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.clipsearch.api.types.SearchResultHit;
import org.junit.jupiter.api.Test;

/**
 * The badge says what the words matched, from the server's matchedBy; kiosk badges carry no scores.
 */
class ResultBadgeTest {

  static SearchResultHit hit(String matchedBy) {
    return new SearchResultHit(
        "id",
        "/p/motherboard-circuits.jpg",
        0.2512,
        true,
        matchedBy != null,
        matchedBy,
        1000,
        640,
        480,
        null,
        "/t",
        "/i");
  }

  @Test
  void aTagMatchIsLabelledAsATagNotAsTheName() {
    assertEquals("0.251 · tag", ResultBadge.text(hit("tag"), true));
    assertEquals("0.251 · name", ResultBadge.text(hit("name"), true));
    assertEquals("0.251 · folder", ResultBadge.text(hit("folder"), true));
    assertEquals("0.251 · camera", ResultBadge.text(hit("camera"), true));
  }

  @Test
  void aMatchTheServerDoesNotNameGetsNoGuessedLabel() {
    SearchResultHit oldServer =
        new SearchResultHit(
            "id", "/p/a.jpg", 0.2512, true, true, null, 1000, 640, 480, null, "/t", "/i");
    assertEquals("0.251", ResultBadge.text(oldServer, true));
  }

  @Test
  void aPersonListingsPhotoShowsThePersonAndNoScore() {
    assertEquals("person", ResultBadge.text(hit("person"), true));
  }

  @Test
  void kioskBadgesShowNoRawScores() {
    assertEquals("tag", ResultBadge.text(hit("tag"), false));
    assertNull(ResultBadge.text(hit(null), false));
  }
}
