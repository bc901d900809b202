package io.clipsearch.model.onnx;

import io.clipsearch.model.onnx.OnnxGraph.AttributeProto;
import io.clipsearch.model.onnx.OnnxGraph.GraphProto;
import io.clipsearch.model.onnx.OnnxGraph.ModelProto;
import io.clipsearch.model.onnx.OnnxGraph.NodeProto;
import io.clipsearch.model.onnx.OnnxGraph.OperatorSetIdProto;
import io.clipsearch.model.onnx.OnnxGraph.TensorProto;
import io.clipsearch.model.onnx.OnnxGraph.TensorShapeProto;
import io.clipsearch.model.onnx.OnnxGraph.ValueInfoProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites a causal text tower exported at a fixed context length (OpenAI CLIP and OpenCLIP text
 * transformers: {@code [batch, 77]} ids) into one that takes {@code [batch, L]} for any {@code L}
 * up to the context length.
 *
 * <p>Such an export bakes the context length into three kinds of constants, found by pattern, not
 * by name (exports name nodes differently):
 *
 * <ul>
 *   <li>the positional embedding: a float {@code [context, width]} tensor added to the token
 *       embedding; it is sliced to its first {@code L} rows;
 *   <li>the causal attention masks: float {@code [.., context, context]} tensors with {@code -inf}
 *       strictly above the diagonal and {@code 0} on and below it; each is sliced to {@code [.., L,
 *       L]};
 *   <li>the shapes of the attention reshapes: int64 vectors holding the context length that feed a
 *       {@code Reshape}'s shape, directly or through a {@code Concat}; the context length in them
 *       becomes {@code L}, read from the input's shape at run time.
 * </ul>
 *
 * <p>Because the mask is causal, the output at the end-of-text position depends on no later token,
 * so a text cut after its end-of-text token gives the same embedding as the padded one: the rewrite
 * is exact. A graph without a causal mask (SigLIP's bidirectional text tower, XLM-R with its
 * attention-mask input) is left as it is: there, padding changes the result. The rewrite does not
 * check numbers; {@link RewriteCheck} compares the two graphs. Stateless.
 */
final class TextLengthRewriter {

  /** Prefix of every value and node the rewrite adds, so no name clashes with the export's. */
  private static final String PREFIX = "clipsearch_any_length/";

  private static final String LENGTH = PREFIX + "length";

  /** The first opset whose {@code Slice} takes starts, ends and axes as inputs. */
  private static final long MIN_OPSET = 10;

  /** The outcome: a rewritten model, or the reason the model is kept. */
  sealed interface Result {}

  /**
   * @param summary what was rewritten, for logs and {@code models verify}
   */
  record Rewritten(ModelProto model, String summary) implements Result {}

  /**
   * @param reason why the model is kept as it is
   */
  record Unchanged(String reason) implements Result {}

  private TextLengthRewriter() {}

  /** Rewrites {@code model}, or says why it does not apply. */
  static Result rewrite(ModelProto model) {
    GraphProto graph = model.getGraph();
    long opset =
        model.getOpsetImportList().stream()
            .filter(o -> o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx"))
            .mapToLong(OperatorSetIdProto::getVersion)
            .max()
            .orElse(0);
    if (opset < MIN_OPSET) {
      return new Unchanged("opset " + opset + " is older than " + MIN_OPSET);
    }
    if (graph.getInputCount() != 1) {
      return new Unchanged("the text tower takes " + graph.getInputCount() + " inputs, not one");
    }
    ValueInfoProto input = graph.getInput(0);
    TensorShapeProto shape = input.getType().getTensorType().getShape();
    if (shape.getDimCount() != 2 || !shape.getDim(1).hasDimValue()) {
      return new Unchanged("input '" + input.getName() + "' is not [batch, fixed length]");
    }
    long context = shape.getDim(1).getDimValue();
    if (graph.getInitializerList().stream().anyMatch(t -> t.getExternalDataCount() > 0)) {
      return new Unchanged("weights are stored in external files");
    }
    Constants constants = new Constants(graph);
    Map<String, List<NodeProto>> users = users(graph);

    List<String> positional = new ArrayList<>();
    List<String> masks = new ArrayList<>();
    for (Map.Entry<String, TensorProto> e : constants.byName.entrySet()) {
      TensorProto t = e.getValue();
      if (t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
        continue;
      }
      List<Long> dims = t.getDimsList();
      if (dims.size() == 2
          && dims.get(0) == context
          && dims.get(1) != context
          && users.getOrDefault(e.getKey(), List.of()).stream()
              .anyMatch(n -> n.getOpType().equals("Add"))) {
        positional.add(e.getKey());
      } else if (dims.size() >= 2
          && dims.get(dims.size() - 1) == context
          && dims.get(dims.size() - 2) == context
          && dims.subList(0, dims.size() - 2).stream().allMatch(d -> d == 1)
          && users.getOrDefault(e.getKey(), List.of()).stream()
              .allMatch(n -> n.getOpType().equals("Add"))
          && isCausalMask(Tensors.floats(t), (int) context)) {
        // added to attention scores, -inf above the diagonal (a square weight matrix is neither)
        masks.add(e.getKey());
      }
    }
    if (masks.isEmpty()) {
      return new Unchanged(
          "no causal attention mask ["
              + context
              + ", "
              + context
              + "]: attention is bidirectional"
              + " or masked by an input, so padding matters to the output");
    }
    if (positional.size() != 1) {
      return new Unchanged(
          "expected one positional embedding ["
              + context
              + ", width] added to the tokens, found "
              + positional.size());
    }

    Edit edit = new Edit(graph, constants);
    edit.addLength(input.getName());
    edit.replaceUses(
        positional.getFirst(), edit.slice(positional.getFirst(), new long[] {0}, LENGTH));
    for (String mask : masks) {
      int rank = constants.byName.get(mask).getDimsCount();
      String ends = edit.concat(PREFIX + mask + "/ends", List.of(LENGTH, LENGTH));
      edit.replaceUses(mask, edit.slice(mask, new long[] {rank - 2, rank - 1}, ends));
    }
    int shapes = edit.rewriteReshapeShapes(context);
    if (shapes == 0) {
      return new Unchanged("no Reshape shape holds the context length " + context);
    }

    GraphProto.Builder out = edit.build();
    TensorShapeProto.Builder inShape =
        out.getInputBuilder(0).getTypeBuilder().getTensorTypeBuilder().getShapeBuilder();
    inShape.getDimBuilder(1).clearDimValue().setDimParam("length");
    // shapes recorded for intermediate values say 77; the runtime infers them anew
    out.clearValueInfo();
    String summary =
        "positional embedding, "
            + masks.size()
            + " causal masks and "
            + shapes
            + " reshape shapes cut to the input length (at most "
            + context
            + ")";
    return new Rewritten(model.toBuilder().setGraph(out).build(), summary);
  }

  /**
   * Whether {@code values} (trailing {@code [n, n]}) is {@code -inf}/very negative above the
   * diagonal, 0 elsewhere.
   */
  private static boolean isCausalMask(float[] values, int n) {
    if (values.length % (n * n) != 0) {
      return false;
    }
    for (int base = 0; base < values.length; base += n * n) {
      for (int row = 0; row < n; row++) {
        for (int col = 0; col < n; col++) {
          float v = values[base + row * n + col];
          boolean ok = col > row ? v <= -1e4f : v == 0f;
          if (!ok) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static Map<String, List<NodeProto>> users(GraphProto graph) {
    Map<String, List<NodeProto>> users = new HashMap<>();
    for (NodeProto n : graph.getNodeList()) {
      for (String in : n.getInputList()) {
        users.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
      }
    }
    return users;
  }

  /**
   * The graph's constant values: initializers and the outputs of {@code Constant} nodes with a
   * tensor.
   */
  private static final class Constants {
    final Map<String, TensorProto> byName = new LinkedHashMap<>();
    final Map<String, Integer> constantNode = new HashMap<>();

    Constants(GraphProto graph) {
      for (TensorProto t : graph.getInitializerList()) {
        byName.put(t.getName(), t);
      }
      for (int i = 0; i < graph.getNodeCount(); i++) {
        NodeProto n = graph.getNode(i);
        if (n.getOpType().equals("Constant")
            && n.getDomain().isEmpty()
            && n.getAttributeCount() == 1
            && n.getAttribute(0).getName().equals("value")) {
          byName.put(n.getOutput(0), n.getAttribute(0).getT());
          constantNode.put(n.getOutput(0), i);
        }
      }
    }

    Optional<long[]> longs(String name) {
      TensorProto t = byName.get(name);
      return t == null
              || t.getDataType() != TensorProto.DataType.INT64_VALUE
              || t.getDimsCount() > 1
          ? Optional.empty()
          : Optional.of(Tensors.longs(t));
    }
  }

  /**
   * The edit in progress. New nodes go first in the graph (they depend only on the input and on
   * constants), preceded by the {@code Constant} nodes they read, so the node list stays in
   * topological order.
   */
  private static final class Edit {
    private final GraphProto graph;
    private final Constants constants;
    private final List<NodeProto> added = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();
    private final Set<Integer> hoisted = new HashSet<>();
    private final Map<String, String> renames = new HashMap<>();
    private int counter;

    Edit(GraphProto graph, Constants constants) {
      this.graph = graph;
      this.constants = constants;
    }

    /** {@code length = Slice(Shape(input), [1], [2], [0])}: the input's length as an int64 [1]. */
    void addLength(String input) {
      String shape = PREFIX + "input_shape";
      added.add(node("Shape", List.of(input), shape));
      added.add(node("Slice", List.of(shape, constant(1), constant(2), constant(0)), LENGTH));
    }

    /**
     * {@code Slice(value, starts 0.., ends, axes)}: reads a constant; returns the sliced value's
     * name.
     */
    String slice(String value, long[] axes, String ends) {
      Integer at = constants.constantNode.get(value);
      if (at != null) {
        hoisted.add(at);
      }
      String out = PREFIX + value + "/sliced";
      added.add(
          node(
              "Slice", List.of(value, constant(new long[axes.length]), ends, constant(axes)), out));
      return out;
    }

    /** {@code Concat(parts, axis 0)} of int64 vectors; returns {@code out}. */
    String concat(String out, List<String> parts) {
      NodeProto.Builder n = node("Concat", parts, out).toBuilder();
      n.addAttribute(
          AttributeProto.newBuilder()
              .setName("axis")
              .setType(AttributeProto.AttributeType.INT)
              .setI(0));
      added.add(n.build());
      return out;
    }

    void replaceUses(String value, String replacement) {
      renames.put(value, replacement);
    }

    /**
     * Replaces the context length in every int64 constant that is a Reshape's shape, or a part of a
     * Concat that is; returns how many constants changed.
     */
    int rewriteReshapeShapes(long context) {
      Set<String> shapeValues = new HashSet<>();
      for (NodeProto n : graph.getNodeList()) {
        if (n.getOpType().equals("Reshape") && n.getInputCount() == 2) {
          String shape = n.getInput(1);
          shapeValues.add(shape);
          for (NodeProto producer : graph.getNodeList()) {
            if (producer.getOpType().equals("Concat") && producer.getOutputList().contains(shape)) {
              shapeValues.addAll(producer.getInputList());
            }
          }
        }
      }
      int changed = 0;
      for (String value : shapeValues) {
        Optional<long[]> longs = constants.longs(value);
        if (longs.isEmpty() || Arrays.stream(longs.get()).noneMatch(v -> v == context)) {
          continue;
        }
        replaceUses(value, withLength(value, longs.get(), context));
        changed++;
      }
      return changed;
    }

    /** {@code values} with each {@code context} replaced by the run-time length, as a new value. */
    private String withLength(String value, long[] values, long context) {
      if (values.length == 1) {
        return LENGTH;
      }
      List<String> parts = new ArrayList<>();
      int from = 0;
      for (int i = 0; i <= values.length; i++) {
        if (i == values.length || values[i] == context) {
          if (i > from) {
            parts.add(constant(Arrays.copyOfRange(values, from, i)));
          }
          if (i < values.length) {
            parts.add(LENGTH);
          }
          from = i + 1;
        }
      }
      return concat(PREFIX + value + "/with_length", parts);
    }

    private String constant(long... values) {
      String name = PREFIX + "const_" + counter++;
      initializers.add(Tensors.int64(name, values));
      return name;
    }

    private NodeProto node(String op, List<String> inputs, String output) {
      return NodeProto.newBuilder()
          .setOpType(op)
          .setName(PREFIX + op + "_" + counter++)
          .addAllInput(inputs)
          .addOutput(output)
          .build();
    }

    GraphProto.Builder build() {
      GraphProto.Builder out = graph.toBuilder().clearNode();
      for (int i : hoisted.stream().sorted().toList()) {
        out.addNode(graph.getNode(i));
      }
      out.addAllNode(added);
      for (int i = 0; i < graph.getNodeCount(); i++) {
        if (hoisted.contains(i)) {
          continue;
        }
        NodeProto n = graph.getNode(i);
        if (constants.constantNode.containsKey(n.getOutput(0))
            && renames.containsKey(n.getOutput(0))) {
          // a shape constant whose every use now reads the new value
          continue;
        }
        NodeProto.Builder b = n.toBuilder();
        for (int k = 0; k < b.getInputCount(); k++) {
          String renamed = renames.get(b.getInput(k));
          if (renamed != null) {
            b.setInput(k, renamed);
          }
        }
        out.addNode(b);
      }
      // an initializer whose every use now reads the new value goes, unless a new node reads it
      Set<String> read = new HashSet<>();
      added.forEach(n -> read.addAll(n.getInputList()));
      out.clearInitializer();
      for (TensorProto t : graph.getInitializerList()) {
        if (!renames.containsKey(t.getName()) || read.contains(t.getName())) {
          out.addInitializer(t);
        }
      }
      out.addAllInitializer(initializers);
      return out;
    }
  }
}
