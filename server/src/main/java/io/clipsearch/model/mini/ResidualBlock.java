package io.clipsearch.model.mini;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code relu(main(x) + shortcut(x))}, a ResNet basic block's junction.
 *
 * <p>Written out rather than composed from DJL's {@code ParallelBlock} and {@code LambdaBlock}:
 * those infer output shapes by running their function on placeholder arrays of the process's
 * default engine, which here is ONNX Runtime (no arithmetic). This block knows its shapes. Not
 * thread-safe during training, like every DJL block.
 */
final class ResidualBlock extends AbstractBlock {

  private static final byte VERSION = 1;

  private final Block main;
  private final Block shortcut;

  ResidualBlock(Block main, Block shortcut) {
    super(VERSION);
    this.main = addChildBlock("main", main);
    this.shortcut = addChildBlock("shortcut", shortcut);
  }

  Block main() {
    return main;
  }

  Block shortcut() {
    return shortcut;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray a = main.forward(ps, inputs, training, params).singletonOrThrow();
    NDArray b = shortcut.forward(ps, inputs, training, params).singletonOrThrow();
    return new NDList(a.add(b).clip(0f, Float.MAX_VALUE));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return main.getOutputShapes(inputShapes);
  }

  @Override
  protected void initializeChildBlocks(
      ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
    main.initialize(manager, dataType, inputShapes);
    shortcut.initialize(manager, dataType, inputShapes);
  }
}
