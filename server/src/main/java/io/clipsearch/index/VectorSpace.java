package io.clipsearch.index;

import java.util.Objects;

/**
 * Which embedding space an index's vectors live in: the model that made them and its dimension.
 * Vectors of different models are not comparable, so an index is bound to one.
 *
 * @param modelId the model's stable identifier (its files' identity, not just its name)
 * @param dimension the vector length
 */
public record VectorSpace(String modelId, int dimension) {
  public VectorSpace {
    Objects.requireNonNull(modelId, "modelId");
    if (modelId.isBlank()) {
      throw new IllegalArgumentException("modelId must not be blank");
    }
    if (dimension < 1) {
      throw new IllegalArgumentException("dimension must be positive, got " + dimension);
    }
  }

  /**
   * Checks that {@code doc} can be written to an index of this space.
   *
   * @throws IllegalArgumentException if its vector's dimension is not this space's
   */
  public void checkDimension(ImageDoc doc) {
    if (doc.vector().length != dimension) {
      throw new IllegalArgumentException(
          "vector of "
              + doc.path()
              + " has dimension "
              + doc.vector().length
              + ", the index takes "
              + dimension);
    }
  }

  /**
   * Checks that a stored index was made in this space, from the model and dimension it recorded.
   *
   * @param madeWith what the index is and how it was made, the message's start (e.g. {@code "the
   *     index at DIR was built with"})
   * @param model the model identifier the index recorded (null when none)
   * @param dimension the dimension the index recorded, as text (null when none)
   * @param instead the advice's end: where else to index (e.g. {@code "another collection"})
   * @throws IndexMismatchException if the model or the dimension differs: the vectors cannot be
   *     compared
   */
  public void checkRecorded(String madeWith, String model, String dimension, String instead)
      throws IndexMismatchException {
    if (!modelId.equals(model) || !Integer.toString(this.dimension).equals(dimension)) {
      throw new IndexMismatchException(
          madeWith
              + " model "
              + model
              + " (dimension "
              + dimension
              + "), not "
              + modelId
              + " (dimension "
              + this.dimension
              + "): its vectors cannot be compared; use that model, or "
              + instead);
    }
  }
}
