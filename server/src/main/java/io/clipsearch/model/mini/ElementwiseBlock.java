package io.clipsearch.model.mini;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.function.UnaryOperator;

/**
 * A parameter-free block with a known output shape: ReLU, identity, L2 normalization (shape kept)
 * and global average pooling ({@code [N, C, H, W]} to {@code [N, C]}). Replaces DJL's {@code
 * LambdaBlock}, whose shape inference runs on the default engine (see {@link ResidualBlock}).
 * Stateless.
 */
final class ElementwiseBlock extends AbstractBlock {

  private static final byte VERSION = 1;

  private final UnaryOperator<NDArray> function;
  private final UnaryOperator<Shape> shape;

  private ElementwiseBlock(UnaryOperator<NDArray> function) {
    this(function, s -> s);
  }

  private ElementwiseBlock(UnaryOperator<NDArray> function, UnaryOperator<Shape> shape) {
    super(VERSION);
    this.function = function;
    this.shape = shape;
  }

  /** Mean over the spatial axes. */
  static ElementwiseBlock globalAvgPool() {
    return new ElementwiseBlock(
        ai.djl.nn.pooling.Pool::globalAvgPool2d, s -> new Shape(s.get(0), s.get(1)));
  }

  static ElementwiseBlock relu() {
    return new ElementwiseBlock(x -> x.clip(0f, Float.MAX_VALUE));
  }

  static ElementwiseBlock identity() {
    return new ElementwiseBlock(x -> x);
  }

  /** Rows of a {@code [batch, dim]} array scaled to unit length. */
  static ElementwiseBlock l2Normalize() {
    return new ElementwiseBlock(x -> x.div(x.norm(new int[] {1}, true).add(1e-12f)));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(function.apply(inputs.singletonOrThrow()));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {shape.apply(inputShapes[0])};
  }
}
