package io.clipsearch.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VectorsTest {

  @Test
  void normalizeScalesInPlaceToUnitLength() {
    float[] v = {3, 4};
    assertSame(v, Vectors.normalize(v));
    // 1 / 5 = 0.2 as a float, times 3 and 4
    assertArrayEquals(new float[] {3 * 0.2f, 4 * 0.2f}, v);
    assertEquals(1.0, Vectors.norm(v), 1e-7);
  }

  @Test
  void normalizeKeepsAUnitVectorBitForBit() {
    float[] v = {1, 0, 0};
    assertArrayEquals(new float[] {1, 0, 0}, Vectors.normalize(v));
  }

  @Test
  void aZeroVectorHasNoDirection() {
    ZeroVectorException e =
        assertThrows(ZeroVectorException.class, () -> Vectors.normalize(new float[3]));
    assertEquals("cannot normalize a vector of length 0.0: it has no direction", e.getMessage());
    assertThrows(ZeroVectorException.class, () -> Vectors.unit(new double[3]));
  }

  @Test
  void aVectorShorterThanTheMinimumNormHasNoDirection() {
    assertThrows(ZeroVectorException.class, () -> Vectors.normalize(new float[] {1e-7f, 0}));
    assertThrows(ZeroVectorException.class, () -> Vectors.unit(new double[] {0, 1e-7}));
  }

  @Test
  void aNonFiniteVectorIsRefusedRatherThanGivingNaN() {
    assertThrows(ZeroVectorException.class, () -> Vectors.normalize(new float[] {Float.NaN, 1}));
    assertThrows(
        ZeroVectorException.class,
        () -> Vectors.normalize(new float[] {Float.POSITIVE_INFINITY, 1}));
    assertThrows(ZeroVectorException.class, () -> Vectors.unit(new double[] {Double.NaN, 1}));
  }

  @Test
  void aZeroVectorIsAnIllegalArgument() {
    assertTrue(IllegalArgumentException.class.isAssignableFrom(ZeroVectorException.class));
  }

  @Test
  void unitDividesTheDoubleSumByItsNorm() {
    assertArrayEquals(new float[] {0.6f, -0.8f}, Vectors.unit(new double[] {3, -4}));
  }

  @Test
  void dotAccumulatesInDoubleAndChecksDimensions() {
    assertEquals(11.0, Vectors.dot(new float[] {1, 2}, new float[] {3, 4}));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Vectors.dot(new float[2], new float[3]));
    assertEquals("dimensions differ: 2 vs 3", e.getMessage());
  }
}
