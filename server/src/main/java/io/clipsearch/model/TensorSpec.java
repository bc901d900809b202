package io.clipsearch.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * The input a tower expects: its name, element type and shape as the model file declares it.
 *
 * <p>Immutable. A dimension of {@code -1} is dynamic. The first dimension is the batch: a model
 * exported with a fixed batch (as published ONNX exports are, at 1) reports it here, and callers
 * must not send more rows than {@link #fixedBatch()}.
 *
 * @param name the input's name in the model graph (may be empty where the engine has none)
 * @param elementType what one element is
 * @param shape the declared shape, batch first; {@code -1} where dynamic
 */
public record TensorSpec(String name, ElementType elementType, long[] shape) {

  /** Element types our towers take. */
  public enum ElementType {
    FLOAT32,
    INT32,
    INT64
  }

  public TensorSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(elementType, "elementType");
    shape = Objects.requireNonNull(shape, "shape").clone();
    if (shape.length < 2) {
      throw new IllegalArgumentException(
          "input '" + name + "' needs a batch and item dimensions, got " + Arrays.toString(shape));
    }
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** The batch size the model is fixed at, or 0 if the batch dimension is dynamic. */
  public int fixedBatch() {
    return shape[0] > 0 ? Math.toIntExact(shape[0]) : 0;
  }

  /** The declared size of dimension {@code i}, or {@code fallback} where it is dynamic. */
  public long dimOr(int i, long fallback) {
    return shape[i] > 0 ? shape[i] : fallback;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TensorSpec t
        && name.equals(t.name)
        && elementType == t.elementType
        && Arrays.equals(shape, t.shape);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, elementType, Arrays.hashCode(shape));
  }

  @Override
  public String toString() {
    return name + ":" + elementType + Arrays.toString(shape);
  }
}
