package io.clipsearch.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link RankingMetrics} against rankings worked out by hand. */
class RankingMetricsTest {

  // ranks 1..5: relevant at 2 and 4; 3 relevant images in the collection
  static final boolean[] RANKING = {false, true, false, true, false};

  @Test
  void precisionCountsMissingResultsAsNotRelevant() {
    assertEquals(0.0, RankingMetrics.precisionAt(RANKING, 1));
    assertEquals(2 / 5.0, RankingMetrics.precisionAt(RANKING, 5), 1e-12);
    assertEquals(2 / 10.0, RankingMetrics.precisionAt(RANKING, 10), 1e-12);
  }

  @Test
  void recallIsOverEveryRelevantImage() {
    assertEquals(1 / 3.0, RankingMetrics.recallAt(RANKING, 2, 3), 1e-12);
    assertEquals(2 / 3.0, RankingMetrics.recallAt(RANKING, 10, 3), 1e-12);
    assertEquals(0.0, RankingMetrics.recallAt(RANKING, 10, 0));
  }

  @Test
  void reciprocalRankOfTheFirstRelevant() {
    assertEquals(0.5, RankingMetrics.reciprocalRank(RANKING));
    assertEquals(0.0, RankingMetrics.reciprocalRank(new boolean[] {false, false}));
  }

  @Test
  void ndcgAgainstTheIdealRanking() {
    // DCG = 1/log2(3) + 1/log2(5) = 0.63093 + 0.43068; ideal (3 relevant) = 1 + 0.63093 + 0.5
    double expected = (0.6309297535714575 + 0.43067655807339306) / (1 + 0.6309297535714575 + 0.5);
    assertEquals(expected, RankingMetrics.ndcgAt(RANKING, 10, 3), 1e-12);
    assertEquals(1.0, RankingMetrics.ndcgAt(new boolean[] {true, true}, 10, 2), 1e-12);
    assertEquals(0.0, RankingMetrics.ndcgAt(RANKING, 1, 3));
  }
}
