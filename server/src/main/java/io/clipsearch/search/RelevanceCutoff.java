package io.clipsearch.search;

import java.io.IOException;
import java.util.Arrays;

/**
 * Decides, per query, above which cosine similarity a hit is a real match rather than noise.
 *
 * <p>CLIP similarities have no absolute scale: a good text match may score 0.30 and an unrelated
 * photo 0.18 for one prompt, while another prompt puts everything 0.05 higher. So the threshold
 * is calibrated against the query's own <em>background</em>: its similarities to an evenly
 * spread sample of the collection's stored vectors ({@link #DEFAULT_SAMPLE} of them, from {@link
 * SearchSession#backgroundScores}: the same sample for the same index, so results are
 * repeatable). Most of a sample is unrelated to any one
 * query, but in a small collection the matches themselves sit in it, which would inflate a mean
 * and standard deviation; the threshold is therefore robust: {@code median + z * 1.4826 * MAD}
 * (the MAD scaled to a normal σ), {@code z = }{@link #DEFAULT_Z} by default — under a normal
 * background about 1 unrelated image in 740 passes, while matches sit several σ out. The spread
 * is floored at {@link #MIN_SPREAD} so a near-constant background does not admit everything
 * above its median.
 *
 * <p>Costs one dot product per sampled vector (microseconds). Immutable, thread-safe.
 */
public final class RelevanceCutoff {

  public static final double DEFAULT_Z = 3.0;

  public static final int DEFAULT_SAMPLE = 512;

  /** Scales the median absolute deviation to a normal distribution's standard deviation. */
  static final double MAD_TO_SIGMA = 1.4826;

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

  /** The calibrated threshold for this query on the session's collection (1 if it is empty). */
  public double threshold(SearchSession session, float[] query) throws IOException {
    double[] background = session.backgroundScores(query, sampleSize);
    return background.length == 0 ? 1.0 : threshold(background, z);
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
