package io.clipsearch.model.onnx;

import com.google.protobuf.ByteString;
import io.clipsearch.model.onnx.OnnxGraph.TensorProto;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Values of small ONNX tensors in and out of their stored form (little-endian raw data or typed
 * lists). Stateless.
 */
final class Tensors {

  private Tensors() {}

  /** A float tensor's values. */
  static float[] floats(TensorProto t) {
    if (t.hasRawData()) {
      ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      float[] out = new float[raw.remaining() / Float.BYTES];
      raw.asFloatBuffer().get(out);
      return out;
    }
    float[] out = new float[t.getFloatDataCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = t.getFloatData(i);
    }
    return out;
  }

  /** An int64 tensor's values. */
  static long[] longs(TensorProto t) {
    if (t.hasRawData()) {
      ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      long[] out = new long[raw.remaining() / Long.BYTES];
      raw.asLongBuffer().get(out);
      return out;
    }
    return t.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
  }

  /** A named int64 vector. */
  static TensorProto int64(String name, long[] values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    raw.asLongBuffer().put(values);
    return TensorProto.newBuilder()
        .setName(name)
        .setDataType(TensorProto.DataType.INT64_VALUE)
        .addDims(values.length)
        .setRawData(ByteString.copyFrom(raw))
        .build();
  }
}
