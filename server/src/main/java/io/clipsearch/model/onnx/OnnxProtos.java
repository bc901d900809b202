package io.clipsearch.model.onnx;

import com.google.protobuf.ByteString;
import io.clipsearch.model.onnx.OnnxGraph.AttributeProto;
import io.clipsearch.model.onnx.OnnxGraph.ModelProto;
import io.clipsearch.model.onnx.OnnxGraph.TensorProto;
import io.clipsearch.model.onnx.OnnxGraph.TensorShapeProto;
import io.clipsearch.model.onnx.OnnxGraph.TypeProto;
import io.clipsearch.model.onnx.OnnxGraph.ValueInfoProto;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The small ONNX messages that every graph clipsearch writes needs: node attributes and float
 * tensor inputs and outputs, and the model written to its file. For the writers of the mini image
 * tower ({@code model.mini.MiniTowerExport}), the face nets ({@code faces.TfjsFaceExport}) and the
 * LiT tower ({@code model.lit.LitTowerExport}). Stateless.
 */
public final class OnnxProtos {

  private OnnxProtos() {}

  /**
   * Writes {@code model} to {@code file} under a temporary name and moves it into place, so a
   * reader never sees half a model.
   *
   * @return {@code file}
   */
  public static Path write(ModelProto model, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream o = Files.newOutputStream(tmp)) {
      model.writeTo(o);
    }
    return Files.move(
        tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public static AttributeProto integer(String name, long value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.INT)
        .setI(value)
        .build();
  }

  public static AttributeProto ints(String name, long... values) {
    AttributeProto.Builder a =
        AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  public static AttributeProto real(String name, float value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.FLOAT)
        .setF(value)
        .build();
  }

  public static AttributeProto text(String name, String value) {
    return AttributeProto.newBuilder()
        .setName(name)
        .setType(AttributeProto.AttributeType.STRING)
        .setS(ByteString.copyFromUtf8(value))
        .build();
  }

  /** A float32 tensor value of fixed shape. */
  public static ValueInfoProto floatValue(String name, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (long d : dims) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return floatValue(name, shape);
  }

  /** A float32 tensor value whose first dimension is the named (dynamic) batch. */
  public static ValueInfoProto floatBatchValue(String name, String batch, long... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(batch));
    for (long d : dims) {
      shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return floatValue(name, shape);
  }

  private static ValueInfoProto floatValue(String name, TensorShapeProto.Builder shape) {
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            TypeProto.newBuilder()
                .setTensorType(
                    TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(shape)))
        .build();
  }
}
