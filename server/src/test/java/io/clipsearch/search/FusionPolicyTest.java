package io.clipsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fusion rules of {@link FusionPolicy}. */
class FusionPolicyTest {

  final FusionPolicy policy = new FusionPolicy(new RankFusion(60), 1, 1);
  final List<String> byVector = List.of("a", "b", "c", "d");
  final List<String> byKeyword = List.of("t", "d", "x");

  @Test
  void singleModesAreTheirOwnRanking() {
    assertEquals(
        byVector, policy.rank(SearchMode.VECTOR, false, byVector, byKeyword, List.of("d")));
    assertEquals(
        byKeyword, policy.rank(SearchMode.KEYWORD, false, byVector, byKeyword, List.of("d")));
  }

  @Test
  void withoutNameMatchesHybridIsExactlyTheVisualRanking() {
    // "t" matched only by tag or by some of the terms: it takes no part
    assertEquals(byVector, policy.rank(SearchMode.HYBRID, false, byVector, byKeyword, List.of()));
    assertEquals(byVector, policy.rank(SearchMode.HYBRID, true, byVector, byKeyword, List.of()));
  }

  @Test
  void identifierQueriesPutNameMatchesFirst() {
    assertEquals(
        List.of("x", "a", "b", "c", "d"),
        policy.rank(SearchMode.HYBRID, true, byVector, byKeyword, List.of("x")));
  }

  @Test
  void otherQueriesFuseNameMatchesByReciprocalRank() {
    // d: 1/64 + 1/61 beats a: 1/61; x (name rank 2): 1/62 ties b (vector rank 2), met after it
    assertEquals(
        List.of("d", "a", "b", "x", "c"),
        policy.rank(SearchMode.HYBRID, false, byVector, byKeyword, List.of("d", "x")));
  }
}
