package io.clipsearch.model;

import java.nio.Buffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Objects;

/**
 * One engine call's input: rows packed into one buffer of the spec's element type.
 *
 * <p>Built by the tower from plain Java arrays; the buffer is owned by the batch and read once by
 * the translator.
 *
 * @param spec the input it feeds
 * @param rows the batch size of this call
 * @param itemShape the shape of one row (e.g. {@code [3, 224, 224]} or {@code [77]})
 * @param data {@code rows * prod(itemShape)} elements: a FloatBuffer, IntBuffer or LongBuffer
 */
record TensorBatch(TensorSpec spec, int rows, long[] itemShape, Buffer data) {

  TensorBatch {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(data, "data");
    itemShape = itemShape.clone();
  }

  /** The full shape of this call, batch first. */
  long[] shape() {
    long[] shape = new long[itemShape.length + 1];
    shape[0] = rows;
    System.arraycopy(itemShape, 0, shape, 1, itemShape.length);
    return shape;
  }

  /** Packs float rows (image tensors) for a FLOAT32 input. */
  static TensorBatch ofFloats(TensorSpec spec, long[] itemShape, float[][] rows) {
    int len = rows[0].length;
    FloatBuffer buf = FloatBuffer.allocate(rows.length * len);
    for (float[] row : rows) {
      buf.put(row);
    }
    return new TensorBatch(spec, rows.length, itemShape, buf.flip());
  }

  /** Packs token-id rows for an INT32 or INT64 input, as the spec says. */
  static TensorBatch ofIds(TensorSpec spec, long[] itemShape, int[][] rows) {
    int len = rows[0].length;
    Buffer buf =
        switch (spec.elementType()) {
          case INT32 -> {
            IntBuffer ints = IntBuffer.allocate(rows.length * len);
            for (int[] row : rows) {
              ints.put(row);
            }
            yield ints.flip();
          }
          case INT64 -> {
            LongBuffer longs = LongBuffer.allocate(rows.length * len);
            for (int[] row : rows) {
              for (int id : row) {
                longs.put(id);
              }
            }
            yield longs.flip();
          }
          case FLOAT32 ->
              throw new IllegalArgumentException("text input " + spec + " must be int32 or int64");
        };
    return new TensorBatch(spec, rows.length, itemShape, buf);
  }
}
