package io.clipsearch.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The calibrated threshold on synthetic score distributions. */
class RelevanceCutoffTest {

  @Test
  void handComputed() {
    // sorted 0.1 0.2 0.3 0.4 0.5: median 0.3, deviations .2 .1 0 .1 .2 -> MAD 0.1
    // threshold = 0.3 + 2 * 1.4826 * 0.1 = 0.59652
    assertEquals(
        0.59652, RelevanceCutoff.threshold(new double[] {0.5, 0.1, 0.4, 0.2, 0.3}, 2), 1e-9);
  }

  @Test
  void aConstantBackgroundUsesTheMinimumSpread() {
    assertEquals(
        0.2 + 3 * RelevanceCutoff.MIN_SPREAD,
        RelevanceCutoff.threshold(new double[] {0.2, 0.2, 0.2, 0.2}, 3),
        1e-12);
  }

  @Test
  void separatesMatchesFromANormalBackgroundEvenWhenTheyAreInTheSample() {
    // CLIP-like text-to-image cosines: background N(0.18, 0.03); 5% true matches near 0.32
    Random random = new Random(7);
    double[] scores = new double[1000];
    for (int i = 0; i < scores.length; i++) {
      scores[i] =
          i < 50 ? 0.32 + 0.02 * random.nextGaussian() : 0.18 + 0.03 * random.nextGaussian();
    }
    double t = RelevanceCutoff.threshold(scores, RelevanceCutoff.DEFAULT_Z);
    // robust statistics barely move with 5% contamination: ~0.18 + 3 * 0.03 = 0.27
    assertEquals(0.27, t, 0.01);
    int matchesAbove = 0;
    int backgroundAbove = 0;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] >= t) {
        if (i < 50) {
          matchesAbove++;
        } else {
          backgroundAbove++;
        }
      }
    }
    assertTrue(matchesAbove >= 48, "matches above: " + matchesAbove);
    assertTrue(backgroundAbove <= 3, "background above: " + backgroundAbove);
  }

  @Test
  void anExamplesOwnScoreLeavesTheBackground() {
    double[] background = {0.2, 1.0, 0.3, 0.1, 0.999996};
    // one entry per removed score, within SAME_SCORE; a score not in the sample removes nothing
    assertArrayEquals(
        new double[] {0.2, 0.999996, 0.3, 0.1},
        RelevanceCutoff.without(background, new double[] {0.9999999}),
        0);
    assertArrayEquals(
        new double[] {0.2, 0.1, 0.3},
        RelevanceCutoff.without(background, new double[] {1.0, 1.0}),
        0);
    assertArrayEquals(background, RelevanceCutoff.without(background, new double[] {0.5}), 0);
    assertArrayEquals(new double[0], RelevanceCutoff.without(new double[0], new double[] {1}), 0);
  }

  @Test
  void settingsAreChecked() {
    assertEquals(
        "z must be 0-10, got -1.0",
        assertThrows(IllegalArgumentException.class, () -> new RelevanceCutoff(-1, 512))
            .getMessage());
    assertEquals(
        "sampleSize must be 16-100000, got 3",
        assertThrows(IllegalArgumentException.class, () -> new RelevanceCutoff(3, 3)).getMessage());
  }
}
