package io.clipsearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.index.VectorFormat;
import org.junit.jupiter.api.Test;

/**
 * A filter that many documents pass narrows the graph walk's candidates so the walk ends before
 * Lucene's visit limit; a filter few pass keeps them all (its exact fallback is cheap).
 */
class FilteredCandidatesTest {

  private final VectorSearch search = new VectorSearch(VectorFormat.INT8, 4);

  @Test
  void fewMatchesKeepEveryCandidate() {
    assertEquals(800, search.candidates(200));
    assertEquals(800, search.candidates(200, 10_000));
    assertEquals(800, search.candidates(200, VectorSearch.NARROW_ABOVE_MATCHES));
  }

  @Test
  void manyMatchesNarrowToOneCandidatePerFiveHundredButNeverBelowTheResultsWanted() {
    assertEquals(200, search.candidates(200, 100_000), "1M with a 10% filter: the served depth");
    assertEquals(400, search.candidates(200, 200_000));
    assertEquals(200, search.candidates(200, 60_000), "never fewer than the results wanted");
    assertEquals(120, search.candidates(50, 60_000));
    assertEquals(100, search.candidates(50, 50_001), "nor than the minimum beam");
  }

  @Test
  void aFilterMostDocumentsPassChangesNothing() {
    assertEquals(800, search.candidates(200, 400_000));
    assertEquals(800, search.candidates(200, 1_000_000));
    assertEquals(100, search.candidates(10, 1_000_000));
  }
}
