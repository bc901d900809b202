package io.clipsearch.lab;

import io.clipsearch.model.Scoring;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An image × text similarity matrix with its softmax probabilities and modality gap: the output of
 * {@code clipsearch lab matrix}. Immutable.
 *
 * @param modelId the model's id
 * @param images row labels (image files)
 * @param texts column labels
 * @param cosine {@code images × texts} cosines
 * @param logitScale the scale applied to the cosines
 * @param probabilities for each image, per text: the model family's {@link
 *     io.clipsearch.model.Scoring} (CLIP: {@code softmax(logitScale × cosine)} over the texts;
 *     SigLIP: a sigmoid per text)
 * @param gap the modality gap of these images and texts
 */
public record MatrixReport(
    String modelId,
    List<String> images,
    List<String> texts,
    float[][] cosine,
    double logitScale,
    float[][] probabilities,
    ModalityGap gap) {

  public MatrixReport {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(gap, "gap");
    // both matrices checked against the labels and copied by SimilarityMatrix
    SimilarityMatrix c = new SimilarityMatrix(images, texts, cosine);
    SimilarityMatrix p = new SimilarityMatrix(images, texts, probabilities);
    images = c.rowLabels();
    texts = c.columnLabels();
    cosine = c.cosine();
    probabilities = p.cosine();
  }

  /** The report of a matrix. */
  public static MatrixReport of(
      String modelId, SimilarityMatrix m, Scoring scoring, ModalityGap gap) {
    return new MatrixReport(
        modelId,
        m.rowLabels(),
        m.columnLabels(),
        m.cosine(),
        scoring.logitScale(),
        m.rowProbabilities(scoring),
        gap);
  }

  @Override
  public float[][] cosine() {
    return new SimilarityMatrix(images, texts, cosine).cosine();
  }

  @Override
  public float[][] probabilities() {
    return new SimilarityMatrix(images, texts, probabilities).cosine();
  }

  /** Cosines and probabilities as aligned text, one row per image. */
  public String table() {
    StringBuilder s = new StringBuilder();
    s.append("cosine (rows: images, columns: texts); probability at logit scale ")
        .append(String.format(Locale.ROOT, "%.0f", logitScale))
        .append(" in brackets\n");
    for (int c = 0; c < texts.size(); c++) {
      s.append(String.format(Locale.ROOT, "  T%d = %s%n", c + 1, texts.get(c)));
    }
    int width =
        Math.min(HeatmapImage.MAX_LABEL, images.stream().mapToInt(String::length).max().orElse(5));
    s.append(" ".repeat(width));
    for (int c = 0; c < texts.size(); c++) {
      s.append(String.format(Locale.ROOT, " %16s", "T" + (c + 1)));
    }
    s.append('\n');
    for (int r = 0; r < images.size(); r++) {
      s.append(String.format(Locale.ROOT, "%-" + width + "s", HeatmapImage.cut(images.get(r))));
      for (int c = 0; c < texts.size(); c++) {
        s.append(String.format(Locale.ROOT, "  %6.3f (%5.3f)", cosine[r][c], probabilities[r][c]));
      }
      s.append('\n');
    }
    s.append(gap.line()).append(System.lineSeparator());
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MatrixReport m
        && modelId.equals(m.modelId)
        && images.equals(m.images)
        && texts.equals(m.texts)
        && Arrays.deepEquals(cosine, m.cosine)
        && logitScale == m.logitScale
        && Arrays.deepEquals(probabilities, m.probabilities)
        && gap.equals(m.gap);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        modelId,
        images,
        texts,
        Arrays.deepHashCode(cosine),
        logitScale,
        Arrays.deepHashCode(probabilities),
        gap);
  }

  @Override
  public String toString() {
    return "MatrixReport[" + images.size() + " images x " + texts.size() + " texts]";
  }
}
