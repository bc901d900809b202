package io.clipsearch.lab;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of a retrieval evaluation. Immutable.
 *
 * @param modelId the model's id
 * @param captions the captions file
 * @param images images that embedded (the gallery of text→image)
 * @param texts captions of those images (the gallery of image→text)
 * @param metrics Recall@K and ranks in both directions
 * @param gap the modality gap of these images and captions
 * @param failed images that could not be decoded ("file: reason"); they and their captions are left
 *     out
 * @param seconds wall time of the whole run
 * @param imagesPerSecond images embedded per second
 */
public record RetrievalResult(
    String modelId,
    String captions,
    int images,
    int texts,
    RetrievalMetrics metrics,
    ModalityGap gap,
    List<String> failed,
    double seconds,
    double imagesPerSecond) {

  public RetrievalResult {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(gap, "gap");
    failed = List.copyOf(failed);
  }

  /** A plain-text summary. */
  public String table() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "retrieval  %s  on %s%n", modelId, captions));
    s.append(
        String.format(
            Locale.ROOT,
            "images %d (%d failed)  captions %d   %.1f s, %.1f images/s%n",
            images,
            failed.size(),
            texts,
            seconds,
            imagesPerSecond));
    s.append(
        String.format(
            Locale.ROOT,
            "%-12s %7s %7s %7s %8s %8s%n",
            "direction",
            "R@1",
            "R@5",
            "R@10",
            "med r",
            "mean r"));
    row(s, "text→image", metrics.textToImage());
    row(s, "image→text", metrics.imageToText());
    s.append(gap.line()).append(System.lineSeparator());
    return s.toString();
  }

  private static void row(StringBuilder s, String name, RecallAtK r) {
    s.append(
        String.format(
            Locale.ROOT,
            "%-12s %6.2f%% %6.2f%% %6.2f%% %8.1f %8.1f%n",
            name,
            100 * r.r1(),
            100 * r.r5(),
            100 * r.r10(),
            r.medianRank(),
            r.meanRank()));
  }
}
