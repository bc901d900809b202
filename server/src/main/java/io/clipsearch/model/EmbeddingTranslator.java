package io.clipsearch.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.util.Arrays;

/**
 * Converts a packed {@link TensorBatch} into the engine's tensor and the embedding output back into
 * float rows. It only converts: tokenizing and image preprocessing happen before, normalizing
 * after.
 *
 * <p>Stateless and thread-safe. Temporaries live on the call's {@code ctx.getNDManager()}, freed
 * when the call ends.
 */
final class EmbeddingTranslator implements NoBatchifyTranslator<TensorBatch, float[][]> {

  /** The output name published CLIP exports use; otherwise the first output is the embedding. */
  private static final String EMBEDDING_OUTPUT = "embedding";

  private final boolean namedInputs;

  /**
   * @param namedInputs whether to name the input tensor after the spec (ONNX matches by name;
   *     TorchScript takes positional inputs)
   */
  EmbeddingTranslator(boolean namedInputs) {
    this.namedInputs = namedInputs;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, TensorBatch batch) {
    NDManager manager = ctx.getNDManager();
    Shape shape = new Shape(batch.shape());
    NDArray array =
        switch (batch.spec().elementType()) {
          case FLOAT32 -> manager.create(batch.data(), shape, DataType.FLOAT32);
          case INT32 -> manager.create(batch.data(), shape, DataType.INT32);
          case INT64 -> manager.create(batch.data(), shape, DataType.INT64);
        };
    if (namedInputs) {
      array.setName(batch.spec().name());
    }
    return new NDList(array);
  }

  @Override
  public float[][] processOutput(TranslatorContext ctx, NDList list) {
    NDArray out = list.contains(EMBEDDING_OUTPUT) ? list.get(EMBEDDING_OUTPUT) : list.head();
    long[] shape = out.getShape().getShape();
    if (shape.length != 2) {
      throw new EmbeddingException(
          "expected an embedding output of shape [batch, dim], got " + out.getShape());
    }
    if (out.getDataType() != DataType.FLOAT32) {
      throw new EmbeddingException("expected a float32 embedding output, got " + out.getDataType());
    }
    float[] flat = out.toFloatArray();
    int rows = (int) shape[0];
    int dim = (int) shape[1];
    float[][] result = new float[rows][];
    for (int r = 0; r < rows; r++) {
      result[r] = Arrays.copyOfRange(flat, r * dim, (r + 1) * dim);
    }
    return result;
  }
}
