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
}
