package io.clipsearch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ExactNeighbours} against a plain sort, and {@link GroundTruthCache}'s keying. */
class ExactNeighboursTest {

  /** Scores closer than this are a tie: far above float rounding (1e-7), far below most gaps. */
  private static final double TIE = 1e-5;

  private static float[][] random(int n, int dim, long seed) {
    Random r = new Random(seed);
    float[][] v = new float[n][dim];
    for (float[] row : v) {
      for (int d = 0; d < dim; d++) {
        row[d] = (float) r.nextGaussian();
      }
    }
    return CosineRows.normalize(v, "test");
  }

  /** The reference: sort every allowed row by dot product, descending, ties by row. */
  private static int[] sorted(
      float[][] data, float[] q, int k, java.util.function.IntPredicate ok) {
    return IntStream.range(0, data.length)
        .filter(ok)
        .boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -dot(data[i], q)).thenComparing(i -> i))
        .limit(k)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /**
   * {@code actual} is the reference ranking up to near-ties: distinct rows whose scores match the
   * reference's position by position. ExactNeighbours scores in float with Lucene's SIMD dot
   * product, whose last bits depend on the CPU (lane width, FMA); two of these rows can score 2e-6
   * apart, so the order of such a pair is not the test's to fix.
   */
  private static void assertRanking(
      float[][] data, float[] q, int[] expected, int[] actual, String message) {
    assertEquals(expected.length, actual.length, message);
    assertEquals(actual.length, Arrays.stream(actual).distinct().count(), message);
    for (int i = 0; i < actual.length; i++) {
      assertEquals(
          dot(data[expected[i]], q), dot(data[actual[i]], q), TIE, message + ", rank " + i);
    }
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void matchesAFullSortWithAndWithoutAFilterOnAnyThreadCount() {
    float[][] data = random(2_000, 16, 1);
    float[][] queries = random(20, 16, 2);
    int[][] one = ExactNeighbours.of(data, queries, 25, i -> true, 1);
    int[][] two = ExactNeighbours.of(data, queries, 25, i -> true, 2);
    int[][] filtered = ExactNeighbours.of(data, queries, 25, BenchInputs::inFilter, 2);
    assertArrayEquals(one, two);
    for (int q = 0; q < queries.length; q++) {
      assertRanking(
          data, queries[q], sorted(data, queries[q], 25, i -> true), one[q], "query " + q);
      assertRanking(
          data,
          queries[q],
          sorted(data, queries[q], 25, BenchInputs::inFilter),
          filtered[q],
          "filtered query " + q);
      assertEquals(true, Arrays.stream(filtered[q]).allMatch(BenchInputs::inFilter));
    }
  }

  @Test
  void returnsFewerWhenFewerRowsAreAllowed() {
    float[][] data = random(30, 4, 3);
    int[][] truth = ExactNeighbours.of(data, random(1, 4, 4), 10, i -> i < 3, 1);
    assertEquals(3, truth[0].length);
  }

  @Test
  void groundTruthIsCachedByTheInputsContent(@TempDir Path dir) throws IOException {
    float[][] data = random(200, 8, 5);
    float[][] queries = random(5, 8, 6);
    Path base = dir.resolve("base.npy");
    Path query = dir.resolve("q.npy");
    NpyFile.writeFloats(base, data);
    NpyFile.writeFloats(query, queries);
    AtomicInteger computed = new AtomicInteger();
    GroundTruthCache cache = new GroundTruthCache(base, query);
    int[][] first =
        cache.get(
            10,
            "",
            5,
            () -> {
              computed.incrementAndGet();
              return ExactNeighbours.of(data, queries, 10, i -> true, 1);
            });
    int[][] again =
        new GroundTruthCache(base, query)
            .get(
                10,
                "",
                5,
                () -> {
                  computed.incrementAndGet();
                  return new int[0][];
                });
    assertEquals(1, computed.get(), "the second run reads the cache");
    assertArrayEquals(first, again);
    assertEquals(true, Files.isRegularFile(cache.fileFor(10, "")));

    data[0][0] += 0.5f; // other vectors: another cache file
    NpyFile.writeFloats(base, data);
    assertNotEquals(cache.fileFor(10, ""), new GroundTruthCache(base, query).fileFor(10, ""));
  }
}
