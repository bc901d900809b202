package io.clipsearch.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link QueryVectorBuilder#combine}: the weighted sum, renormalized, never a zero or NaN vector.
 */
class QueryVectorCombineTest {

  private static final float[] X = {1, 0};
  private static final float[] Y = {0, 1};

  @Test
  void theWeightedSumIsRenormalized() {
    // (1,0) + (0,1) = (1,1), of length √2
    float s = (float) (1 / Math.sqrt(2));
    assertArrayEquals(
        new float[] {s, s}, QueryVectorBuilder.combine(List.of(X, Y), List.of(1.0, 1.0), 2));
    // (1,0) - 0.5·(0,1) = (1,-0.5), of length √1.25
    double n = Math.sqrt(1.25);
    assertArrayEquals(
        new float[] {(float) (1 / n), (float) (-0.5 / n)},
        QueryVectorBuilder.combine(List.of(X, Y), List.of(1.0, -0.5), 2));
  }

  @Test
  void partsThatCancelOutAreRefusedRatherThanScoringNaN() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> QueryVectorBuilder.combine(List.of(X, X), List.of(1.0, -1.0), 2));
    assertEquals(
        "the query's parts cancel each other out: nothing is left to search for", e.getMessage());
  }

  @Test
  void aWrongDimensionIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> QueryVectorBuilder.combine(List.of(new float[3]), List.of(1.0), 2));
    assertEquals("a query vector has dimension 3, the model's is 2", e.getMessage());
  }
}
