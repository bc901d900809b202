package io.clipsearch.lab;

import io.clipsearch.model.Scoring;
import io.clipsearch.model.Vectors;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Cosine similarities of rows (images) against columns (texts or classes), with their labels.
 * Immutable: arrays are copied in and out.
 *
 * <p>Inputs must be L2-normalized (as every {@code ClipModel} vector is), so the dot product is the
 * cosine. Probabilities are the softmax of {@code logitScale × cosine} across a row, as CLIP
 * computes them.
 *
 * @param rowLabels one label per row
 * @param columnLabels one label per column
 * @param cosine {@code rows × columns} similarities
 */
public record SimilarityMatrix(
    List<String> rowLabels, List<String> columnLabels, float[][] cosine) {

  /** The logit scale of the released OpenAI CLIP models (exp(4.6052) = 100). */
  public static final double DEFAULT_LOGIT_SCALE = Scoring.CLIP_LOGIT_SCALE;

  /**
   * @throws IllegalArgumentException if the labels do not match the matrix's shape
   */
  public SimilarityMatrix {
    rowLabels = List.copyOf(rowLabels);
    columnLabels = List.copyOf(columnLabels);
    cosine = copy(Objects.requireNonNull(cosine, "cosine"));
    if (cosine.length != rowLabels.size()) {
      throw new IllegalArgumentException(
          rowLabels.size() + " row labels for " + cosine.length + " rows");
    }
    for (float[] row : cosine) {
      if (row.length != columnLabels.size()) {
        throw new IllegalArgumentException(
            columnLabels.size() + " column labels for a row of " + row.length);
      }
    }
  }

  /**
   * The matrix of {@code rows · columns} dot products.
   *
   * @throws IllegalArgumentException if counts of labels and vectors differ or dimensions differ
   */
  public static SimilarityMatrix of(
      List<String> rowLabels,
      List<float[]> rows,
      List<String> columnLabels,
      List<float[]> columns) {
    if (rowLabels.size() != rows.size() || columnLabels.size() != columns.size()) {
      throw new IllegalArgumentException(
          "labels and vectors differ in number: "
              + rowLabels.size()
              + "/"
              + rows.size()
              + " rows, "
              + columnLabels.size()
              + "/"
              + columns.size()
              + " columns");
    }
    float[][] cosine = new float[rows.size()][columns.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        cosine[r][c] = (float) Vectors.dot(rows.get(r), columns.get(c));
      }
    }
    return new SimilarityMatrix(rowLabels, columnLabels, cosine);
  }

  public int rows() {
    return cosine.length;
  }

  public int columns() {
    return columnLabels.size();
  }

  public float at(int row, int column) {
    return cosine[row][column];
  }

  @Override
  public float[][] cosine() {
    return copy(cosine);
  }

  /**
   * Softmax over each row of {@code logitScale × cosine}: for an image, the probability of each
   * text.
   *
   * @throws IllegalArgumentException if {@code logitScale} is not positive and finite
   */
  public float[][] rowProbabilities(double logitScale) {
    return rowProbabilities(Scoring.softmax(logitScale));
  }

  /**
   * Each row's probabilities under a model family's {@link Scoring}: a softmax across the texts
   * (CLIP) or an independent sigmoid per text (SigLIP).
   */
  public float[][] rowProbabilities(Scoring scoring) {
    float[][] out = new float[cosine.length][];
    for (int r = 0; r < cosine.length; r++) {
      out[r] = scoring.probabilities(cosine[r]);
    }
    return out;
  }

  /** 1 + the number of columns of {@code row} scoring strictly higher than {@code column}. */
  int rankInRow(int row, int column) {
    float target = cosine[row][column];
    int rank = 1;
    for (float s : cosine[row]) {
      if (s > target) {
        rank++;
      }
    }
    return rank;
  }

  /** 1 + the number of rows of {@code column} scoring strictly higher than {@code row}. */
  int rankInColumn(int row, int column) {
    float target = cosine[row][column];
    int rank = 1;
    for (float[] r : cosine) {
      if (r[column] > target) {
        rank++;
      }
    }
    return rank;
  }

  private static float[][] copy(float[][] m) {
    float[][] out = new float[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SimilarityMatrix m
        && rowLabels.equals(m.rowLabels)
        && columnLabels.equals(m.columnLabels)
        && Arrays.deepEquals(cosine, m.cosine);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rowLabels, columnLabels, Arrays.deepHashCode(cosine));
  }

  @Override
  public String toString() {
    return "SimilarityMatrix[" + rows() + " x " + columns() + "]";
  }
}
