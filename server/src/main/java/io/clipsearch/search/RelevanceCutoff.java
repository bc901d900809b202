package io.clipsearch.search;

import io.clipsearch.index.IndexFields;
import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.VectorUtil;

/**
 * Decides, per query, above which cosine similarity a hit is a real match rather than noise.
 *
 * <p>CLIP similarities have no absolute scale: a good text match may score 0.30 and an unrelated
 * photo 0.18 for one prompt, while another prompt puts everything 0.05 higher. So the threshold
 * is calibrated against the query's own <em>background</em>: its similarities to an evenly
 * strided sample of the collection's stored vectors ({@link #DEFAULT_SAMPLE} of them, the same
 * sample for the same index, so results are repeatable). Most of a sample is unrelated to any one
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

  /** The calibrated threshold for this query on this searcher's collection (1 if it is empty). */
  public double threshold(IndexSearcher searcher, float[] query) throws IOException {
    double[] background = backgroundScores(searcher, query);
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

  /** Cosines of the query with an evenly strided sample of the stored vectors. */
  double[] backgroundScores(IndexSearcher searcher, float[] query) throws IOException {
    long total = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FloatVectorValues v = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
      total += v == null ? 0 : v.size();
    }
    if (total == 0) {
      return new double[0];
    }
    double stride = Math.max(1.0, (double) total / sampleSize);
    double[] scores = new double[(int) Math.min(total, sampleSize)];
    int n = 0;
    long base = 0;
    double next = 0; // global ordinal of the next sampled vector
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FloatVectorValues v = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
      if (v == null) {
        continue;
      }
      while (n < scores.length && (long) next < base + v.size()) {
        scores[n++] = VectorUtil.dotProduct(query, v.vectorValue((int) ((long) next - base)));
        next += stride;
      }
      base += v.size();
    }
    return Arrays.copyOf(scores, n);
  }

  private static double median(double[] sorted) {
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }
}
