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
 * LambdaBlock}, whose shape inference runs on the default engine (see {@link ResidualBlock}), and
 * says which operation it is ({@link #op()}) so {@link MiniTowerExport} can write it as ONNX.
 * Stateless.
 */
public final class ElementwiseBlock extends AbstractBlock {

  private static final byte VERSION = 1;

  /** The operation, for export. */
  enum Op {
    RELU,
    IDENTITY,
    L2_NORMALIZE,
    GLOBAL_AVG_POOL
  }

  /** Added to a row's norm before dividing, as the ONNX export does too. */
  static final float NORM_EPSILON = 1e-12f;

  private final Op op;
  private final UnaryOperator<NDArray> function;
  private final UnaryOperator<Shape> shape;

  private ElementwiseBlock(Op op, UnaryOperator<NDArray> function) {
    this(op, function, s -> s);
  }

  private ElementwiseBlock(Op op, UnaryOperator<NDArray> function, UnaryOperator<Shape> shape) {
    super(VERSION);
    this.op = op;
    this.function = function;
    this.shape = shape;
  }

  Op op() {
    return op;
  }

  /** Mean over the spatial axes. */
  static ElementwiseBlock globalAvgPool() {
    return new ElementwiseBlock(
        Op.GLOBAL_AVG_POOL,
        ai.djl.nn.pooling.Pool::globalAvgPool2d,
        s -> new Shape(s.get(0), s.get(1)));
  }

  public static ElementwiseBlock relu() {
    return new ElementwiseBlock(Op.RELU, x -> x.clip(0f, Float.MAX_VALUE));
  }

  static ElementwiseBlock identity() {
    return new ElementwiseBlock(Op.IDENTITY, x -> x);
  }

  /** Rows of a {@code [batch, dim]} array scaled to unit length. */
  static ElementwiseBlock l2Normalize() {
    return new ElementwiseBlock(
        Op.L2_NORMALIZE, x -> x.div(x.norm(new int[] {1}, true).add(NORM_EPSILON)));
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
