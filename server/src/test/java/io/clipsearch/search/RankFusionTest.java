package io.clipsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reciprocal rank fusion against hand-computed scores. */
class RankFusionTest {

  static List<Integer> ranking(int... docs) {
    return java.util.Arrays.stream(docs).boxed().toList();
  }

  @Test
  void documentsInBothRankingsRise() {
    // vector: 1, 2, 3; names: 3, 4. k = 60, weights 1:
    // doc 1: 1/61 = .016393; doc 2: 1/62 = .016129; doc 3: 1/63 + 1/61 = .032266; doc 4: 1/62
    List<RankFusion.Fused<Integer>> fused =
        new RankFusion(60).fuse(List.of(ranking(1, 2, 3), ranking(3, 4)), List.of(1.0, 1.0));
    assertEquals(List.of(3, 1, 2, 4), fused.stream().map(RankFusion.Fused::key).toList());
    assertEquals(1.0 / 63 + 1.0 / 61, fused.get(0).score(), 1e-12);
    assertEquals(1.0 / 61, fused.get(1).score(), 1e-12);
    // docs 2 and 4 tie at 1/62: the first ranking's document comes first
    assertEquals(1.0 / 62, fused.get(2).score(), 1e-12);
    assertEquals(1.0 / 62, fused.get(3).score(), 1e-12);
  }

  @Test
  void weightsScaleEachRanking() {
    // k = 0: doc 1: 2/1 + 0 = 2; doc 2: 2/2 + 0.5/1 = 1.5
    List<RankFusion.Fused<Integer>> fused =
        new RankFusion(0).fuse(List.of(ranking(1, 2), ranking(2)), List.of(2.0, 0.5));
    assertEquals(List.of(new RankFusion.Fused<>(1, 2.0), new RankFusion.Fused<>(2, 1.5)), fused);
  }

  @Test
  void badArgumentsAreRefused() {
    assertEquals(
        "RRF k must be >= 0, got -1",
        assertThrows(IllegalArgumentException.class, () -> new RankFusion(-1)).getMessage());
    RankFusion rrf = new RankFusion(60);
    assertEquals(
        "1 rankings but 2 weights",
        assertThrows(
                IllegalArgumentException.class,
                () -> rrf.fuse(List.of(ranking(1)), List.of(1.0, 1.0)))
            .getMessage());
    assertEquals(
        "RRF weights must be finite and >= 0, got -1.0",
        assertThrows(
                IllegalArgumentException.class, () -> rrf.fuse(List.of(ranking(1)), List.of(-1.0)))
            .getMessage());
  }
}
