package io.clipsearch.lab;

import java.util.Arrays;
import java.util.Objects;

/**
 * Text→image and image→text retrieval on a captioned image set (the Flickr30k/COCO protocol): each
 * caption is a query whose one correct result is its image; each image is a query whose correct
 * results are all of its captions, and the first of them to appear counts. Immutable.
 *
 * @param textToImage caption queries against the images
 * @param imageToText image queries against the captions
 */
public record RetrievalMetrics(RecallAtK textToImage, RecallAtK imageToText) {

  public RetrievalMetrics {
    Objects.requireNonNull(textToImage, "textToImage");
    Objects.requireNonNull(imageToText, "imageToText");
  }

  /**
   * @param scores {@code images × captions} similarities
   * @param captionImage the image (row) of each caption (column)
   * @throws IllegalArgumentException if {@code captionImage} does not match the columns, names no
   *     row, or an image has no caption
   */
  public static RetrievalMetrics of(SimilarityMatrix scores, int[] captionImage) {
    if (captionImage.length != scores.columns()) {
      throw new IllegalArgumentException(
          captionImage.length + " caption images for " + scores.columns() + " captions");
    }
    int[] textRanks = new int[captionImage.length];
    int[] imageRanks = new int[scores.rows()];
    Arrays.fill(imageRanks, Integer.MAX_VALUE);
    for (int c = 0; c < captionImage.length; c++) {
      int image = captionImage[c];
      if (image < 0 || image >= scores.rows()) {
        throw new IllegalArgumentException(
            "caption " + c + " names image " + image + " of " + scores.rows());
      }
      textRanks[c] = scores.rankInColumn(image, c);
      imageRanks[image] = Math.min(imageRanks[image], scores.rankInRow(image, c));
    }
    for (int i = 0; i < imageRanks.length; i++) {
      if (imageRanks[i] == Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "image " + scores.rowLabels().get(i) + " has no caption");
      }
    }
    return new RetrievalMetrics(RecallAtK.fromRanks(textRanks), RecallAtK.fromRanks(imageRanks));
  }
}
