package io.clipsearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.index.VectorFormat;
import io.clipsearch.search.Modality;
import org.junit.jupiter.api.Test;

/**
 * The graph walk's beam adapts: text queries in a large index keep twice the candidates; a filter
 * that many documents pass narrows them so the walk ends before Lucene's visit limit; a filter few
 * pass keeps them all (its exact fallback is cheap).
 */
class FilteredCandidatesTest {

  private static final long MILLION = 1_000_000;

  private final VectorSearch search = new VectorSearch(VectorFormat.INT8, 4);

  @Test
  void unfilteredSearchesKeepOversampleTimesTheResults() {
    assertEquals(800, search.candidates(200));
    assertEquals(100, search.candidates(10), "the minimum beam");
    assertEquals(800, search.candidates(200, Modality.IMAGE, MILLION, MILLION));
  }

  @Test
  void textQueriesInALargeIndexKeepHalfAsManyAgain() {
    assertEquals(1200, search.candidates(200, Modality.TEXT, MILLION, MILLION));
    assertEquals(800, search.candidates(200, Modality.TEXT, 100_000, 100_000), "a small index");
    assertEquals(
        800,
        search.candidates(
            200,
            Modality.TEXT,
            VectorSearch.WIDE_TEXT_BEAM_ABOVE,
            VectorSearch.WIDE_TEXT_BEAM_ABOVE));
    assertEquals(100, search.candidates(10, Modality.TEXT, MILLION, MILLION), "the minimum beam");
  }

  @Test
  void fewMatchesKeepEveryCandidate() {
    assertEquals(800, search.candidates(200, Modality.IMAGE, MILLION, 10_000));
    assertEquals(
        1200, search.candidates(200, Modality.TEXT, MILLION, VectorSearch.NARROW_ABOVE_MATCHES));
  }

  @Test
  void manyMatchesNarrowToOneCandidatePerFiveHundredButNeverBelowTheResultsWanted() {
    assertEquals(200, search.candidates(200, Modality.IMAGE, MILLION, 100_000), "1M, a 10% filter");
    assertEquals(200, search.candidates(200, Modality.TEXT, MILLION, 100_000));
    assertEquals(400, search.candidates(200, Modality.IMAGE, MILLION, 200_000));
    assertEquals(
        200, search.candidates(200, Modality.IMAGE, MILLION, 60_000), "never fewer than k");
    assertEquals(120, search.candidates(50, Modality.IMAGE, MILLION, 60_000));
    assertEquals(
        100, search.candidates(50, Modality.IMAGE, MILLION, 50_001), "nor the minimum beam");
  }

  @Test
  void aFilterMostDocumentsPassChangesLittle() {
    assertEquals(800, search.candidates(200, Modality.IMAGE, MILLION, 400_000));
    assertEquals(1200, search.candidates(200, Modality.TEXT, MILLION, 900_000));
  }
}
