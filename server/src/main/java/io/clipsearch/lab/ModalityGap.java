package io.clipsearch.lab;

import java.util.List;
import java.util.Locale;

/**
 * The modality gap of a set of image and text embeddings (Liang et al., "Mind the Gap", 2022):
 * CLIP's image and text vectors occupy separate cones of the sphere. Immutable.
 *
 * <p>Centroids are the plain means of the (unit) vectors, not renormalized, so a tight cluster has
 * a centroid near the sphere and a spread-out one a centroid near the origin.
 *
 * @param images image vectors
 * @param texts text vectors
 * @param centroidDistance Euclidean distance between the image and text centroids: the gap
 * @param centroidCosine cosine between the two centroids
 * @param imageSpread mean Euclidean distance of the image vectors to their centroid
 * @param textSpread mean Euclidean distance of the text vectors to their centroid
 * @param meanCosine mean cosine over all image-text pairs
 */
public record ModalityGap(
    int images,
    int texts,
    double centroidDistance,
    double centroidCosine,
    double imageSpread,
    double textSpread,
    double meanCosine) {

  public ModalityGap {
    if (images < 1 || texts < 1) {
      throw new IllegalArgumentException(
          "the gap needs images and texts, got " + images + " and " + texts);
    }
  }

  /**
   * The one-line summary the lab reports print under their tables, without a line break: {@code
   * modality gap 0.8123 (centroid cosine 0.2345), spread image 0.5012 text 0.4321}.
   */
  public String line() {
    return String.format(
        Locale.ROOT,
        "modality gap %.4f (centroid cosine %.4f), spread image %.4f text %.4f",
        centroidDistance,
        centroidCosine,
        imageSpread,
        textSpread);
  }

  /**
   * @throws IllegalArgumentException if either list is empty or dimensions differ
   */
  public static ModalityGap of(List<float[]> images, List<float[]> texts) {
    if (images.isEmpty() || texts.isEmpty()) {
      throw new IllegalArgumentException(
          "the gap needs images and texts, got " + images.size() + " and " + texts.size());
    }
    double[] ci = centroid(images);
    double[] ct = centroid(texts);
    if (ci.length != ct.length) {
      throw new IllegalArgumentException("dimensions differ: " + ci.length + " vs " + ct.length);
    }
    double distance = Math.sqrt(squaredDistance(ci, ct));
    double ni = Math.sqrt(squaredDistance(ci, new double[ci.length]));
    double nt = Math.sqrt(squaredDistance(ct, new double[ct.length]));
    double dot = 0;
    for (int i = 0; i < ci.length; i++) {
      dot += ci[i] * ct[i];
    }
    // the mean pairwise cosine of unit vectors is the dot product of the two centroids
    return new ModalityGap(
        images.size(),
        texts.size(),
        distance,
        ni == 0 || nt == 0 ? 0 : dot / (ni * nt),
        spread(images, ci),
        spread(texts, ct),
        dot);
  }

  private static double[] centroid(List<float[]> vectors) {
    int d = vectors.getFirst().length;
    double[] c = new double[d];
    for (float[] v : vectors) {
      if (v.length != d) {
        throw new IllegalArgumentException("dimensions differ: " + v.length + " vs " + d);
      }
      for (int i = 0; i < d; i++) {
        c[i] += v[i];
      }
    }
    for (int i = 0; i < d; i++) {
      c[i] /= vectors.size();
    }
    return c;
  }

  private static double spread(List<float[]> vectors, double[] centroid) {
    double sum = 0;
    for (float[] v : vectors) {
      double s = 0;
      for (int i = 0; i < v.length; i++) {
        double diff = v[i] - centroid[i];
        s += diff * diff;
      }
      sum += Math.sqrt(s);
    }
    return sum / vectors.size();
  }

  private static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return s;
  }
}
