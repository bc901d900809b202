package io.clipsearch.model.mini;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.clipsearch.model.onnx.OnnxGraph.AttributeProto;
import io.clipsearch.model.onnx.OnnxGraph.GraphProto;
import io.clipsearch.model.onnx.OnnxGraph.ModelProto;
import io.clipsearch.model.onnx.OnnxGraph.NodeProto;
import io.clipsearch.model.onnx.OnnxGraph.OperatorSetIdProto;
import io.clipsearch.model.onnx.OnnxGraph.StringStringEntryProto;
import io.clipsearch.model.onnx.OnnxGraph.TensorProto;
import io.clipsearch.model.onnx.OnnxProtos;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a trained mini model's image tower as ONNX ({@value #ONNX_FILE}), so that running the
 * bundled model needs ONNX Runtime only: PyTorch is needed to train the tower, not to use it.
 *
 * <p>Reads the folder's {@code config.json} (the tower's shape) and {@code
 * visual/image-tower.params} (DJL parameters, loaded into the block on DJL's PyTorch engine), then
 * walks the block and writes one ONNX operator per DJL layer: {@code Conv}, {@code
 * BatchNormalization} (inference mode, DJL's epsilon), {@code Relu}, {@code Add}, {@code
 * GlobalAveragePool} + {@code Flatten}, {@code Gemm} and the L2 normalization as {@code ReduceL2},
 * {@code Add} (the same epsilon as the block) and {@code Div}. Nothing is folded or fused, so the
 * graph computes what the block computes, layer by layer (the parity test bounds the difference by
 * float rounding). Input {@code image} {@code [batch, 3, S, S]}, output {@code embedding} {@code
 * [batch, 384]}, opset {@value #OPSET}.
 *
 * <p>The model id of the folder ({@link MiniClipModel#computeId}, a hash of the config, the
 * preprocessing config and the parameters) is stored in the file's metadata under {@value
 * #MODEL_ID_KEY}: the id stays the one the PyTorch tower had, so collections indexed with it keep
 * their vectors, and a folder shipped without the parameters still knows its id. Stateless; a
 * development-time tool ({@code clipsearch train-mini} runs it after training, or alone with {@code
 * --export-onnx}).
 */
public final class MiniTowerExport {

  /** Where the ONNX image tower lives in a mini-model folder. */
  public static final String ONNX_FILE = "visual/image-tower.onnx";

  /** The metadata key of the model id the tower was exported with. */
  public static final String MODEL_ID_KEY = "clipsearch.model_id";

  static final String INPUT = "image";
  static final String OUTPUT = "embedding";
  static final int OPSET = 17;

  /** DJL's {@code BatchNorm} default, which the tower is built with. */
  private static final float BATCH_NORM_EPSILON = 1e-5f;

  private static final int IR_VERSION = 8; // the IR of opset 17
  private static final String PARAMS_MAGIC = "DJL@";
  private static final int PARAMS_VERSION = 1;

  private MiniTowerExport() {}

  /**
   * Writes {@code folder}/{@value #ONNX_FILE} from the folder's trained parameters, replacing an
   * older export atomically.
   *
   * @return the written file
   * @throws IOException if the config or parameters are missing or unreadable, or the file cannot
   *     be written
   */
  public static Path export(Path folder) throws IOException {
    Path dir = folder.toAbsolutePath().normalize();
    MiniImageTower tower =
        MiniClipModel.towerOf(
            new ObjectMapper()
                .readTree(MiniClipModel.require(dir.resolve(MiniClipModel.CONFIG_FILE)).toFile()),
            dir);
    Path params = MiniClipModel.require(dir.resolve(MiniClipModel.PARAMS_FILE));
    String modelId = MiniClipModel.computeId(dir);
    ModelProto model;
    try (Model trained = Model.newInstance("mini-image-tower", Device.cpu(), "PyTorch")) {
      trained.setBlock(tower.build());
      loadParameters(trained, params);
      model = toOnnx(tower, trained.getBlock(), modelId);
    } catch (MalformedModelException e) {
      throw new IOException(params + ": " + e.getMessage(), e);
    }
    return OnnxProtos.write(model, dir.resolve(ONNX_FILE));
  }

  /**
   * Reads a DJL {@code .params} file into the model's block. {@code Model.load} only finds files
   * named {@code <prefix>-<epoch>.params}; this reads the same format (magic, version, model name,
   * data type, input shapes, properties, then the block's parameters) from our fixed file name.
   */
  static void loadParameters(Model model, Path params) throws IOException, MalformedModelException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(params)))) {
      byte[] magic = new byte[4];
      in.readFully(magic);
      if (!PARAMS_MAGIC.equals(new String(magic, StandardCharsets.US_ASCII))) {
        throw new MalformedModelException("not a DJL parameter file");
      }
      int version = in.readInt();
      if (version != PARAMS_VERSION) {
        throw new MalformedModelException("unsupported parameter file version " + version);
      }
      in.readUTF(); // model name
      in.readUTF(); // data type: float32, as trained
      int inputs = in.readInt();
      for (int i = 0; i < inputs; i++) {
        in.readUTF(); // input name and the shape it was initialized with
        Shape.decode(in);
      }
      int properties = in.readInt();
      for (int i = 0; i < properties; i++) {
        in.readUTF();
        in.readUTF();
      }
      model.getBlock().loadParameters(model.getNDManager(), in);
    }
  }

  private static ModelProto toOnnx(MiniImageTower tower, Block block, String modelId) {
    GraphWriter graph = new GraphWriter();
    graph.rename(graph.write(block, INPUT), OUTPUT);
    long side = tower.imageSize();
    GraphProto g =
        graph
            .graph
            .setName("clipsearch-mini-image-tower")
            .addInput(OnnxProtos.floatBatchValue(INPUT, "batch", 3, side, side))
            .addOutput(OnnxProtos.floatBatchValue(OUTPUT, "batch", MiniLmTextEncoder.DIMENSION))
            .build();
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
        .setProducerName("clipsearch")
        .setGraph(g)
        .addMetadataProps(
            StringStringEntryProto.newBuilder().setKey(MODEL_ID_KEY).setValue(modelId))
        .build();
  }

  /** Appends nodes and initializers, naming values {@code t1}, {@code t2}, … in order. */
  private static final class GraphWriter {

    final GraphProto.Builder graph = GraphProto.newBuilder();
    private int counter;

    /** Writes {@code block} applied to the value {@code input}; returns its output's name. */
    String write(Block block, String input) {
      return switch (block) {
        case SequentialBlock s -> {
          String x = input;
          for (Block child : s.getChildren().values()) {
            x = write(child, x);
          }
          yield x;
        }
        case ResidualBlock r -> {
          String sum = node("Add", write(r.main(), input), write(r.shortcut(), input));
          yield node("Relu", sum);
        }
        case Conv2d c -> conv(c, input);
        case BatchNorm b ->
            node(
                "BatchNormalization",
                new AttributeProto[] {OnnxProtos.real("epsilon", BATCH_NORM_EPSILON)},
                input,
                weights(b, "gamma"),
                weights(b, "beta"),
                weights(b, "runningMean"),
                weights(b, "runningVar"));
        case Linear l ->
            node(
                "Gemm",
                new AttributeProto[] {OnnxProtos.integer("transB", 1)},
                input,
                weights(l, "weight"),
                weights(l, "bias"));
        case ElementwiseBlock e -> elementwise(e, input);
        default ->
            throw new IllegalArgumentException(
                "no ONNX export for " + block.getClass().getSimpleName());
      };
    }

    private String elementwise(ElementwiseBlock e, String input) {
      return switch (e.op()) {
        case IDENTITY -> input;
        case RELU -> node("Relu", input);
        case GLOBAL_AVG_POOL ->
            node(
                "Flatten",
                new AttributeProto[] {OnnxProtos.integer("axis", 1)},
                node("GlobalAveragePool", input));
        case L2_NORMALIZE -> {
          String norm =
              node(
                  "ReduceL2",
                  new AttributeProto[] {
                    OnnxProtos.ints("axes", 1), OnnxProtos.integer("keepdims", 1)
                  },
                  input);
          String epsilon =
              initializer("norm_epsilon", new long[0], new float[] {ElementwiseBlock.NORM_EPSILON});
          yield node("Div", input, node("Add", norm, epsilon));
        }
      };
    }

    private String conv(Conv2d c, String input) {
      Shape k = c.getKernelShape();
      Shape s = c.getStride();
      Shape p = c.getPadding();
      Shape d = c.getDilation();
      if (c.isIncludeBias()) {
        throw new IllegalArgumentException("the tower's convolutions have no bias");
      }
      return node(
          "Conv",
          new AttributeProto[] {
            OnnxProtos.ints("kernel_shape", k.get(0), k.get(1)),
            OnnxProtos.ints("strides", s.get(0), s.get(1)),
            OnnxProtos.ints("pads", p.get(0), p.get(1), p.get(0), p.get(1)),
            OnnxProtos.ints("dilations", d.get(0), d.get(1)),
            OnnxProtos.integer("group", c.getGroups())
          },
          input,
          weights(c, "weight"));
    }

    /** The named parameter of {@code block} as an initializer. */
    private String weights(Block block, String parameter) {
      NDArray array = block.getParameters().get(parameter).getArray();
      return initializer(parameter, array.getShape().getShape(), array.toFloatArray());
    }

    private String initializer(String hint, long[] dims, float[] values) {
      ByteBuffer raw =
          ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
      raw.asFloatBuffer().put(values);
      String name = hint + "_" + ++counter;
      TensorProto.Builder t =
          TensorProto.newBuilder()
              .setName(name)
              .setDataType(TensorProto.DataType.FLOAT_VALUE)
              .setRawData(ByteString.copyFrom(raw.array()));
      for (long dim : dims) {
        t.addDims(dim);
      }
      graph.addInitializer(t);
      return name;
    }

    private String node(String op, String... inputs) {
      return node(op, new AttributeProto[0], inputs);
    }

    private String node(String op, AttributeProto[] attributes, String... inputs) {
      String out = "t" + ++counter;
      NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(op + "_" + counter);
      for (String in : inputs) {
        n.addInput(in);
      }
      for (AttributeProto a : attributes) {
        n.addAttribute(a);
      }
      graph.addNode(n.addOutput(out));
      return out;
    }

    /** Renames the value the last node writes, the graph's output. */
    void rename(String from, String to) {
      NodeProto.Builder last = graph.getNodeBuilder(graph.getNodeCount() - 1);
      if (!last.getOutput(0).equals(from)) {
        throw new IllegalStateException("the tower does not end in a node of its own");
      }
      last.setOutput(0, to);
    }
  }
}
