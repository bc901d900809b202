package io.clipsearch.model.tfjs;

import com.google.protobuf.ByteString;
import io.clipsearch.model.onnx.OnnxGraph.GraphProto;
import io.clipsearch.model.onnx.OnnxGraph.ModelProto;
import io.clipsearch.model.onnx.OnnxGraph.NodeProto;
import io.clipsearch.model.onnx.OnnxGraph.OperatorSetIdProto;
import io.clipsearch.model.onnx.OnnxGraph.StringStringEntryProto;
import io.clipsearch.model.onnx.OnnxGraph.TensorProto;
import io.clipsearch.model.onnx.OnnxProtos;
import io.clipsearch.model.tfjs.TfjsWeights.Weight;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Appends the operators of a tfjs net (face-api's nets, a tfjs graph model's backbone) to an NCHW
 * ONNX graph, one tfjs op to one ONNX op, with tfjs weights turned into ONNX layouts. Quantized
 * weights stay uint8 in the file and are dequantized by the graph exactly as tfjs does it ({@code
 * Cast} to double, {@code Mul} scale, {@code Add} min, {@code Cast} to float: ONNX Runtime folds
 * these constants once at load), so the files are as small as the tfjs shards and the float weights
 * bit-identical to the reference's. Not thread-safe; one writer per graph.
 */
public final class OnnxGraphWriter {

  public static final int OPSET = 17;
  private static final int IR_VERSION = 8; // the IR of opset 17

  private final GraphProto.Builder graph = GraphProto.newBuilder();
  private int counter;

  /** A float32 input {@code [1, channels, height, width]}; returns its name. */
  public String input(String name, long channels, long height, long width) {
    graph.addInput(OnnxProtos.floatValue(name, 1, channels, height, width));
    return name;
  }

  /** A float32 input {@code [batch, channels, height, width]}, any batch; returns its name. */
  public String batchInput(String name, long channels, long height, long width) {
    graph.addInput(OnnxProtos.floatBatchValue(name, "batch", channels, height, width));
    return name;
  }

  /** {@code x * c} with {@code c} a scalar weight. */
  public String mulScalar(String x, Weight c) {
    return op("Mul", x, constant(c));
  }

  /** {@code x - c} with {@code c} a scalar weight. */
  public String subScalar(String x, Weight c) {
    return op("Sub", x, constant(c));
  }

  /** Names {@code value} as graph output {@code name} (an Identity node keeps names apart). */
  public void output(String name, String value, long... dims) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType("Identity").setName("out_" + name);
    graph.addNode(n.addInput(value).addOutput(name));
    graph.addOutput(OnnxProtos.floatValue(name, dims));
  }

  /** {@link #output} of a value whose first axis is the batch of {@link #batchInput}. */
  public void batchOutput(String name, String value, long... dims) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType("Identity").setName("out_" + name);
    graph.addNode(n.addInput(value).addOutput(name));
    graph.addOutput(OnnxProtos.floatBatchValue(name, "batch", dims));
  }

  /**
   * {@code tf.conv2d} (filters {@code [kh, kw, in, out]}) plus an optional per-channel bias.
   *
   * @param same TF's SAME padding (the odd pixel after), else VALID
   */
  public String conv(String x, Weight filters, Weight bias, int stride, boolean same) {
    int[] s = filters.shape();
    String w = weight(filters, new int[] {3, 2, 0, 1}, s[3], s[2], s[0], s[1]);
    return convNode(x, w, bias, s[0], s[1], stride, same, 1);
  }

  /** {@code tf.depthwiseConv2d} with multiplier 1 (filters {@code [kh, kw, in, 1]}), SAME. */
  public String depthwise(String x, Weight filters, int stride) {
    return depthwise(x, filters, null, stride);
  }

  /**
   * {@link #depthwise(String, Weight, int)} plus an optional per-channel bias (tfjs's fused op).
   */
  public String depthwise(String x, Weight filters, Weight bias, int stride) {
    int[] s = filters.shape();
    if (s[3] != 1) {
      throw new IllegalArgumentException(filters + ": channel multiplier other than 1");
    }
    String w = weight(filters, new int[] {2, 3, 0, 1}, s[2], 1, s[0], s[1]);
    return convNode(x, w, bias, s[0], s[1], stride, true, s[2]);
  }

  private String convNode(
      String x, String w, Weight bias, int kh, int kw, int stride, boolean same, int group) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType("Conv").addInput(x).addInput(w);
    if (bias != null) {
      n.addInput(vector(bias));
    }
    n.addAttribute(OnnxProtos.ints("kernel_shape", kh, kw))
        .addAttribute(OnnxProtos.ints("strides", stride, stride))
        .addAttribute(OnnxProtos.integer("group", group));
    if (same) {
      n.addAttribute(OnnxProtos.text("auto_pad", "SAME_UPPER")); // TF's SAME: the extra pixel after
    } else {
      n.addAttribute(OnnxProtos.ints("pads", 0, 0, 0, 0));
    }
    return add(n);
  }

  /** {@code tf.batchNorm} in inference: {@code (x - mean) * scale / sqrt(var + eps) + offset}. */
  public String batchNorm(
      String x, Weight scale, Weight offset, Weight mean, Weight variance, float eps) {
    NodeProto.Builder n =
        NodeProto.newBuilder()
            .setOpType("BatchNormalization")
            .addInput(x)
            .addInput(vector(scale))
            .addInput(vector(offset))
            .addInput(vector(mean))
            .addInput(vector(variance))
            .addAttribute(OnnxProtos.real("epsilon", eps));
    return add(n);
  }

  /** {@code x + b} with {@code b} a per-channel vector broadcast over height and width. */
  public String addChannels(String x, Weight b) {
    return op("Add", x, channels(b));
  }

  /** {@code x * w} with {@code w} a per-channel vector broadcast over height and width. */
  public String mulChannels(String x, Weight w) {
    return op("Mul", x, channels(w));
  }

  /** {@code tf.clipByValue(x, 0, 6)}. */
  public String relu6(String x) {
    return op("Clip", x, scalar(0f), scalar(6f));
  }

  public String relu(String x) {
    return op("Relu", x);
  }

  public String add(String a, String b) {
    return op("Add", a, b);
  }

  /** VALID average or max pooling, {@code kind} "AveragePool" or "MaxPool". */
  public String pool(String kind, String x, int kernel, int stride) {
    NodeProto.Builder n =
        NodeProto.newBuilder()
            .setOpType(kind)
            .addInput(x)
            .addAttribute(OnnxProtos.ints("kernel_shape", kernel, kernel))
            .addAttribute(OnnxProtos.ints("strides", stride, stride))
            .addAttribute(OnnxProtos.ints("pads", 0, 0, 0, 0));
    return add(n);
  }

  /** Zeros appended after the last index of the channel, height and width axes. */
  public String padAfter(String x, long channels, long height, long width) {
    return op("Pad", x, longs(new long[] {8}, 0, 0, 0, 0, 0, channels, height, width));
  }

  /** NCHW to NHWC, so that a reshape reads values in tfjs's order. */
  public String toNhwc(String x) {
    return add(
        NodeProto.newBuilder()
            .setOpType("Transpose")
            .addInput(x)
            .addAttribute(OnnxProtos.ints("perm", 0, 2, 3, 1)));
  }

  public String reshape(String x, long... shape) {
    return op("Reshape", x, longs(new long[] {shape.length}, shape));
  }

  public String concat(int axis, String... xs) {
    NodeProto.Builder n =
        NodeProto.newBuilder().setOpType("Concat").addAttribute(OnnxProtos.integer("axis", axis));
    for (String x : xs) {
      n.addInput(x);
    }
    return add(n);
  }

  /** Mean over height and width: {@code [1, C, H, W]} to {@code [1, C]}. */
  public String spatialMean(String x) {
    return add(
        NodeProto.newBuilder()
            .setOpType("ReduceMean")
            .addInput(x)
            .addAttribute(OnnxProtos.ints("axes", 2, 3))
            .addAttribute(OnnxProtos.integer("keepdims", 0)));
  }

  /** {@code [1, C, 1, 1]} to {@code [1, C]}. */
  public String flatten(String x) {
    return add(
        NodeProto.newBuilder()
            .setOpType("Flatten")
            .addInput(x)
            .addAttribute(OnnxProtos.integer("axis", 1)));
  }

  /**
   * A dense layer {@code x W^T + b} ({@code Gemm}) with {@code weight} row-major {@code [out, in]}:
   * the trained projection a LiT tower adds after its tfjs backbone.
   */
  public String dense(String x, int in, int out, float[] weight, float[] bias) {
    NodeProto.Builder n =
        NodeProto.newBuilder()
            .setOpType("Gemm")
            .addInput(x)
            .addInput(floats("dense_w", new long[] {out, in}, weight))
            .addInput(floats("dense_b", new long[] {out}, bias))
            .addAttribute(OnnxProtos.integer("transB", 1));
    return add(n);
  }

  /** Each row of {@code [batch, D]} divided by its L2 norm plus {@code epsilon}. */
  public String l2Normalize(String x, float epsilon) {
    String norm =
        add(
            NodeProto.newBuilder()
                .setOpType("ReduceL2")
                .addInput(x)
                .addAttribute(OnnxProtos.ints("axes", 1))
                .addAttribute(OnnxProtos.integer("keepdims", 1)));
    return op("Div", x, op("Add", norm, scalar(epsilon)));
  }

  /** {@code tf.matMul(x, w)} with {@code w} {@code [in, out]}. */
  public String matMul(String x, Weight w) {
    return op("MatMul", x, weight(w, new int[] {0, 1}, w.shape()[0], w.shape()[1]));
  }

  /** {@code x + b} for a vector {@code b} over the last axis. */
  public String addVector(String x, Weight b) {
    return op("Add", x, vector(b));
  }

  /** A weight as a constant of its own shape (e.g. SSD's anchors). */
  public String constant(Weight w) {
    int[] axes = new int[w.shape().length];
    long[] dims = new long[axes.length];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
      dims[i] = w.shape()[i];
    }
    return weight(w, axes, dims);
  }

  public ModelProto model(String name, String source) {
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setProducerName("clipsearch")
        .setGraph(graph.setName(name))
        .addMetadataProps(StringStringEntryProto.newBuilder().setKey("source").setValue(source))
        .build();
  }

  private String channels(Weight w) {
    return weight(w, new int[] {0}, w.size(), 1, 1);
  }

  private String vector(Weight w) {
    return weight(w, new int[] {0}, w.size());
  }

  /**
   * {@code w} transposed: output axis {@code i} is the weight's axis {@code axes[i]}; {@code dims}
   * the ONNX shape (the transposed shape, possibly with axes of 1 added or merged).
   */
  private String weight(Weight w, int[] axes, long... dims) {
    int[] from = w.shape();
    int[] to = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      to[i] = from[axes[i]];
    }
    int[] order = permutation(from, axes, to);
    if (!w.isQuantized()) {
      float[] values = new float[order.length];
      for (int i = 0; i < order.length; i++) {
        values[i] = w.floats()[order[i]];
      }
      return floats(w.name(), dims, values);
    }
    byte[] codes = new byte[order.length];
    for (int i = 0; i < order.length; i++) {
      codes[i] = w.quantized()[order[i]];
    }
    String q = initializer(w.name(), TensorProto.DataType.UINT8_VALUE, dims, codes);
    String asDouble = cast(q, TensorProto.DataType.DOUBLE_VALUE);
    String scaled = op("Mul", asDouble, doubleScalar(w.scale()));
    String shifted = op("Add", scaled, doubleScalar(w.min()));
    return cast(shifted, TensorProto.DataType.FLOAT_VALUE);
  }

  /** For each element of the transposed tensor, the index of its source element. */
  private static int[] permutation(int[] from, int[] axes, int[] to) {
    int size = 1;
    for (int d : to) {
      size *= d;
    }
    int[] fromStrides = new int[from.length];
    int stride = 1;
    for (int i = from.length - 1; i >= 0; i--) {
      fromStrides[i] = stride;
      stride *= from[i];
    }
    int[] order = new int[size];
    int[] index = new int[to.length];
    for (int flat = 0; flat < size; flat++) {
      int source = 0;
      for (int i = 0; i < to.length; i++) {
        source += index[i] * fromStrides[axes[i]];
      }
      order[flat] = source;
      for (int i = to.length - 1; i >= 0; i--) {
        if (++index[i] < to[i]) {
          break;
        }
        index[i] = 0;
      }
    }
    return order;
  }

  private String cast(String x, int to) {
    return add(
        NodeProto.newBuilder()
            .setOpType("Cast")
            .addInput(x)
            .addAttribute(OnnxProtos.integer("to", to)));
  }

  private String scalar(float v) {
    return floats("c", new long[0], new float[] {v});
  }

  private String doubleScalar(double v) {
    ByteBuffer raw = ByteBuffer.allocate(Double.BYTES).order(ByteOrder.LITTLE_ENDIAN).putDouble(v);
    return initializer("d", TensorProto.DataType.DOUBLE_VALUE, new long[0], raw.array());
  }

  private String floats(String hint, long[] dims, float[] values) {
    ByteBuffer raw =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    return initializer(hint, TensorProto.DataType.FLOAT_VALUE, dims, raw.array());
  }

  private String longs(long[] dims, long... values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    raw.asLongBuffer().put(values);
    return initializer("shape", TensorProto.DataType.INT64_VALUE, dims, raw.array());
  }

  private String initializer(String hint, int type, long[] dims, byte[] raw) {
    String name = hint + "_" + ++counter;
    TensorProto.Builder t =
        TensorProto.newBuilder()
            .setName(name)
            .setDataType(type)
            .setRawData(ByteString.copyFrom(raw));
    for (long d : dims) {
      t.addDims(d);
    }
    graph.addInitializer(t);
    return name;
  }

  private String op(String type, String... inputs) {
    NodeProto.Builder n = NodeProto.newBuilder().setOpType(type);
    for (String in : inputs) {
      n.addInput(in);
    }
    return add(n);
  }

  private String add(NodeProto.Builder n) {
    String out = "t" + ++counter;
    graph.addNode(n.setName(n.getOpType() + "_" + counter).addOutput(out));
    return out;
  }
}
