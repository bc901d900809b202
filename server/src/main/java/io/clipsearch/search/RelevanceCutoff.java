package io.clipsearch.search;

import io.clipsearch.model.Vectors;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Decides, per query, above which cosine similarity a hit is a real match rather than noise.
 *
 * <p>CLIP similarities have no absolute scale: a good text match may score 0.30 and an unrelated
 * photo 0.18 for one prompt, while another prompt puts everything 0.05 higher. So the threshold is
 * calibrated against the query's own <em>background</em>: its similarities to an evenly spread
 * sample of the collection's stored vectors ({@link #DEFAULT_SAMPLE} of them, from {@link
 * SearchSession#backgroundScores}: the same sample for the same index, so results are repeatable).
 * Most of a sample is unrelated to any one query, but in a small collection the matches themselves
 * sit in it, which would inflate a mean and standard deviation; the threshold is therefore robust:
 * {@code median + z * 1.4826 * MAD} (the MAD scaled to a normal σ), {@code z = }{@link #DEFAULT_Z}
 * by default — under a normal background about 1 unrelated image in 740 passes, while matches sit
 * several σ out. The spread is floored at {@link #MIN_SPREAD} so a near-constant background does
 * not admit everything above its median.
 *
 * <p>Costs one dot product per sampled vector (microseconds). Immutable, thread-safe.
 */
public final class RelevanceCutoff {

  public static final double DEFAULT_Z = 3.0;

  public static final int DEFAULT_SAMPLE = 512;

  /** Scales the median absolute deviation to a normal distribution's standard deviation. */
  static final double MAD_TO_SIGMA = 1.4826;

  /**
   * Two cosines this close are one score computed twice: the engine's dot product and ours may
   * differ in the last float bits.
   */
  static final double SAME_SCORE = 1e-5;

  /** Smallest spread assumed, in cosine units. */
  static final double MIN_SPREAD = 0.01;

  private final double z;
  private final int sampleSize;

  /**
   * @param z how many background σ above the background median a confident hit must be, 0-10
   * @param sampleSize background vectors scored per query, 16-100000
   * @throws IllegalArgumentException if either is out of range
   */
  public RelevanceCutoff(double z, int sampleSize) {
    if (!(z >= 0 && z <= 10)) {
      throw new IllegalArgumentException("z must be 0-10, got " + z);
    }
    if (sampleSize < 16 || sampleSize > 100_000) {
      throw new IllegalArgumentException("sampleSize must be 16-100000, got " + sampleSize);
    }
    this.z = z;
    this.sampleSize = sampleSize;
  }

  /**
   * The calibrated threshold for this query on the session's collection, calibrated on the images
   * other than {@code examples} (1 if there are none).
   *
   * @param examples unit vectors of the images the query was made from ({@code like:}): each one's
   *     own score is taken out of the background, since it is the query, not a sample of what the
   *     query does not match. The sample carries no ids, so a score is matched by value: a removed
   *     twin of the same score leaves the same background.
   */
  public double threshold(SearchSession session, float[] query, List<float[]> examples)
      throws IOException {
    double[] background = session.backgroundScores(query, sampleSize);
    double[] own = examples.stream().mapToDouble(e -> Vectors.dot(query, e)).toArray();
    double[] others = without(background, own);
    return others.length == 0 ? 1.0 : threshold(others, z);
  }

  /** {@code scores} less one entry within {@link #SAME_SCORE} of each of {@code removed}. */
  static double[] without(double[] scores, double[] removed) {
    double[] left = scores.clone();
    int n = left.length;
    for (double r : removed) {
      for (int i = 0; i < n; i++) {
        if (Math.abs(left[i] - r) <= SAME_SCORE) {
          left[i] = left[--n];
          break;
        }
      }
    }
    return Arrays.copyOf(left, n);
  }

  /** {@code median + z * max(MIN_SPREAD, 1.4826 * MAD)} of the scores. */
  static double threshold(double[] scores, double z) {
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    double median = median(sorted);
    double[] deviations = new double[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      deviations[i] = Math.abs(sorted[i] - median);
    }
    Arrays.sort(deviations);
    double sigma = Math.max(MIN_SPREAD, MAD_TO_SIGMA * median(deviations));
    return Math.min(1.0, median + z * sigma);
  }

  private static double median(double[] sorted) {
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }
}
