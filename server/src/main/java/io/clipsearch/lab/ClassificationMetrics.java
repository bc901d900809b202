package io.clipsearch.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy of a classifier from its scores: top-1, top-5, per-class accuracy and the confusion
 * matrix. Immutable.
 *
 * <p>An image counts as correct at {@code k} when its true class is among the {@code k}
 * highest-scoring classes; ties are resolved in the image's favour (rank = 1 + classes scoring
 * strictly higher). With fewer than 5 classes top-5 is 1.
 *
 * @param images images scored
 * @param top1 fraction whose highest-scoring class is the true one
 * @param top5 fraction whose true class is among the five highest
 * @param perClass accuracy of each class, in class order
 * @param confusion {@code confusion.get(true).get(predicted)}: image counts
 */
public record ClassificationMetrics(
    int images,
    double top1,
    double top5,
    List<ClassAccuracy> perClass,
    List<List<Integer>> confusion) {

  /**
   * One class's top-1 accuracy.
   *
   * @param name the class name
   * @param images images of that class
   * @param correct of which top-1 correct
   * @param accuracy {@code correct / images}, 0 when there are none
   */
  public record ClassAccuracy(String name, int images, int correct, double accuracy) {
    public ClassAccuracy {
      if (images < 0 || correct < 0 || correct > images) {
        throw new IllegalArgumentException("bad counts " + correct + "/" + images + " for " + name);
      }
    }
  }

  public ClassificationMetrics {
    perClass = List.copyOf(perClass);
    confusion = confusion.stream().map(List::copyOf).toList();
    if (confusion.size() != perClass.size()) {
      throw new IllegalArgumentException(
          "confusion matrix has " + confusion.size() + " rows for " + perClass.size() + " classes");
    }
  }

  /**
   * Scores images (rows) against classes (columns).
   *
   * @param scores {@code images × classes}; the column labels are the class names
   * @param trueClass each image's class index
   * @throws IllegalArgumentException if {@code trueClass} does not match the rows or names no
   *     column
   */
  public static ClassificationMetrics of(SimilarityMatrix scores, int[] trueClass) {
    int classes = scores.columns();
    if (trueClass.length != scores.rows()) {
      throw new IllegalArgumentException(
          trueClass.length + " labels for " + scores.rows() + " images");
    }
    int[][] confusion = new int[classes][classes];
    int[] count = new int[classes];
    int[] correct = new int[classes];
    int top1 = 0;
    int top5 = 0;
    for (int i = 0; i < trueClass.length; i++) {
      int truth = trueClass[i];
      if (truth < 0 || truth >= classes) {
        throw new IllegalArgumentException("image " + i + " has class " + truth + " of " + classes);
      }
      int rank = scores.rankInRow(i, truth);
      int predicted = rank == 1 ? truth : argmax(scores, i);
      confusion[truth][predicted]++;
      count[truth]++;
      if (rank == 1) {
        top1++;
        correct[truth]++;
      }
      if (rank <= 5) {
        top5++;
      }
    }
    List<ClassAccuracy> perClass = new ArrayList<>(classes);
    List<List<Integer>> rows = new ArrayList<>(classes);
    for (int c = 0; c < classes; c++) {
      perClass.add(
          new ClassAccuracy(
              scores.columnLabels().get(c),
              count[c],
              correct[c],
              count[c] == 0 ? 0 : (double) correct[c] / count[c]));
      List<Integer> row = new ArrayList<>(classes);
      for (int p : confusion[c]) {
        row.add(p);
      }
      rows.add(row);
    }
    int n = trueClass.length;
    return new ClassificationMetrics(
        n, n == 0 ? 0 : (double) top1 / n, n == 0 ? 0 : (double) top5 / n, perClass, rows);
  }

  private static int argmax(SimilarityMatrix scores, int row) {
    int best = 0;
    for (int c = 1; c < scores.columns(); c++) {
      if (scores.at(row, c) > scores.at(row, best)) {
        best = c;
      }
    }
    return best;
  }
}
