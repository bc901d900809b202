package io.clipsearch.search;

import java.util.Objects;

/**
 * One weighted part of a parsed query: a text prompt or an indexed image. A negative weight
 * subtracts the part from the query vector. Immutable.
 */
public sealed interface QueryTerm permits QueryTerm.Text, QueryTerm.Like {

  /** How much this part counts; negative subtracts. Never zero or non-finite. */
  double weight();

  /**
   * A text prompt, embedded by the model's text tower as one sentence.
   *
   * @param text the prompt, non-blank
   * @param weight non-zero, finite
   */
  record Text(String text, double weight) implements QueryTerm {
    public Text {
      Objects.requireNonNull(text, "text");
      if (text.isBlank()) {
        throw new IllegalArgumentException("text must not be blank");
      }
      checkWeight(weight);
    }
  }

  /**
   * "More like this": the indexed vector of the image with this content id.
   *
   * @param imageId the content id ({@code io.clipsearch.index.ImageDoc#id()}), non-blank
   * @param weight non-zero, finite
   */
  record Like(String imageId, double weight) implements QueryTerm {
    public Like {
      Objects.requireNonNull(imageId, "imageId");
      if (imageId.isBlank()) {
        throw new IllegalArgumentException("imageId must not be blank");
      }
      checkWeight(weight);
    }
  }

  private static void checkWeight(double weight) {
    if (weight == 0 || !Double.isFinite(weight)) {
      throw new IllegalArgumentException("weight must be non-zero and finite, got " + weight);
    }
  }
}
