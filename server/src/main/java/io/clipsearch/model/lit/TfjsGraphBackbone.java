package io.clipsearch.model.lit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.model.tfjs.OnnxGraphWriter;
import io.clipsearch.model.tfjs.TfjsWeights;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The image backbone of a tfjs graph model (tfjs's converter's {@code model.json} and weight
 * shards), appended to an ONNX graph up to a named feature node: one tfjs op to one or two ONNX
 * ops, NHWC turned into NCHW. Covers the ops of a MobileNet v2 feature vector as TF Hub exports it
 * and the tfjs converter fuses it: {@code Placeholder}, scalar {@code Mul} and {@code Sub} (the
 * module's input scaling), {@code _FusedConv2D} and {@code FusedDepthwiseConv2dNative} with a fused
 * {@code BiasAdd} and optional {@code Relu6}, {@code AddV2}, a VALID {@code AvgPool} and the final
 * spatial {@code Squeeze}; any other op, padding or fusion on the way is refused by name, so a
 * different graph fails at conversion, not with wrong vectors. Quantized weights keep tfjs's
 * dequantization ({@link OnnxGraphWriter}). Stateless.
 */
final class TfjsGraphBackbone {

  /** The appended backbone: its output value in the graph and that value's length. */
  record Features(String value, int dimension) {}

  private TfjsGraphBackbone() {}

  /**
   * Appends the graph of {@code folder}'s {@code model.json}, fed by {@code input} (NCHW, any
   * batch, values as the tfjs model takes them), until {@code featureNode}; the features are
   * preceded by the spatial means of the nodes whose names end with one of {@code taps} (in graph
   * order): intermediate blocks, which a task-specific fine-tuning changes least.
   *
   * @throws IOException if the files are unreadable, an op on the way is not covered, a tap names
   *     no node before {@code featureNode}, or the graph never reaches it
   */
  static Features append(
      OnnxGraphWriter onnx, String input, Path folder, String featureNode, List<String> taps)
      throws IOException {
    Path json = folder.resolve(TfjsWeights.MODEL_FILE);
    JsonNode model = new ObjectMapper().readTree(json.toFile());
    JsonNode nodes = model.path("modelTopology").path("node");
    if (!nodes.isArray()) {
      throw new IOException(json + " is not a tfjs graph model (no modelTopology.node)");
    }
    TfjsWeights weights = TfjsWeights.readModel(folder, model);
    Map<String, String> values = new HashMap<>(); // tfjs node name -> ONNX value
    Map<String, Integer> channels = new HashMap<>();
    List<String> tapped = new ArrayList<>();
    int tappedChannels = 0;
    List<String> untapped = new ArrayList<>(taps);
    Map<String, Integer> scale = new HashMap<>(); // how many input pixels a step of the map is
    int inputSize = 0;
    for (JsonNode node : nodes) {
      String name = node.path("name").asText();
      String op = node.path("op").asText();
      List<String> in = new ArrayList<>();
      node.path("input").forEach(i -> in.add(i.asText()));
      String out =
          switch (op) {
            case "Const" -> null; // weights, read by name where an op uses them
            case "Placeholder" -> {
              inputSize = placeholderSize(node);
              yield input;
            }
            case "Mul" -> onnx.mulScalar(value(values, in.get(1), name), weights.get(in.get(0)));
            case "Sub" -> onnx.subScalar(value(values, in.get(0), name), weights.get(in.get(1)));
            case "_FusedConv2D" -> {
              TfjsWeights.Weight filters = weights.get(in.get(1));
              channels.put(name, filters.shape()[3]);
              scale.put(name, scale.getOrDefault(in.get(0), 1) * stride(node));
              String y =
                  onnx.conv(
                      value(values, in.get(0), name),
                      filters,
                      weights.get(in.get(2)),
                      stride(node),
                      same(node));
              yield activation(onnx, y, node);
            }
            case "FusedDepthwiseConv2dNative" -> {
              requireSame(node);
              TfjsWeights.Weight filters = weights.get(in.get(1));
              channels.put(name, filters.shape()[2]);
              scale.put(name, scale.getOrDefault(in.get(0), 1) * stride(node));
              String y =
                  onnx.depthwise(
                      value(values, in.get(0), name),
                      filters,
                      weights.get(in.get(2)),
                      stride(node));
              yield activation(onnx, y, node);
            }
            case "AddV2" -> {
              channels.put(name, channels.get(in.get(0)));
              yield onnx.add(value(values, in.get(0), name), value(values, in.get(1), name));
            }
            case "AvgPool" -> {
              // the feature vector's pool covers the whole last map at the graph's own input
              // size: taken as the spatial mean, the same there, it lets the tower take any size
              int[] k = ints(node.path("attr").path("ksize"));
              int map = inputSize / scale.getOrDefault(in.get(0), 1);
              if (same(node) || k[1] != map || k[2] != map) {
                throw unsupported(node, "a pool other than over the whole " + map + "x" + map);
              }
              channels.put(name, channels.get(in.get(0)));
              yield onnx.spatialMean(value(values, in.get(0), name));
            }
            case "Squeeze" -> {
              channels.put(name, channels.get(in.get(0)));
              yield value(values, in.get(0), name); // the mean is [batch, C] already
            }
            default -> throw unsupported(node, "op " + op);
          };
      if (out != null) {
        values.put(name, out);
        scale.putIfAbsent(
            name, in.stream().filter(scale::containsKey).findFirst().map(scale::get).orElse(1));
      }
      if (untapped.removeIf(name::endsWith)) {
        tapped.add(onnx.spatialMean(out));
        tappedChannels += channels.get(name);
      }
      if (name.equals(featureNode)) {
        if (!untapped.isEmpty()) {
          throw new IOException(json + " has no node ending " + untapped + " before the features");
        }
        if (tapped.isEmpty()) {
          return new Features(out, channels.get(name));
        }
        tapped.add(out);
        return new Features(
            onnx.concat(1, tapped.toArray(String[]::new)), tappedChannels + channels.get(name));
      }
    }
    throw new IOException(json + " has no node " + featureNode);
  }

  /** The side of the graph's square input, from the placeholder's NHWC shape. */
  private static int placeholderSize(JsonNode node) throws IOException {
    JsonNode dims = node.path("attr").path("shape").path("shape").path("dim");
    if (dims.size() != 4 || dims.get(1).path("size").asInt() != dims.get(2).path("size").asInt()) {
      throw unsupported(node, "an input other than [batch, S, S, 3]");
    }
    return dims.get(1).path("size").asInt();
  }

  private static String value(Map<String, String> values, String input, String node)
      throws IOException {
    String v = values.get(input);
    if (v == null) {
      throw new IOException(node + " reads " + input + ", which is not computed before it");
    }
    return v;
  }

  /** The fused ops after a convolution: {@code BiasAdd} (done by the conv), then maybe Relu6. */
  private static String activation(OnnxGraphWriter onnx, String x, JsonNode node)
      throws IOException {
    List<String> fused = new ArrayList<>();
    node.path("attr").path("fused_ops").path("list").path("s").forEach(s -> fused.add(text(s)));
    if (fused.equals(List.of("BiasAdd"))) {
      return x;
    }
    if (fused.equals(List.of("BiasAdd", "Relu6"))) {
      return onnx.relu6(x);
    }
    throw unsupported(node, "fused ops " + fused);
  }

  private static int stride(JsonNode node) throws IOException {
    int[] s = ints(node.path("attr").path("strides"));
    if (s.length != 4 || s[1] != s[2]) {
      throw unsupported(node, "strides");
    }
    return s[1];
  }

  private static boolean same(JsonNode node) {
    return text(node.path("attr").path("padding").path("s")).equals("SAME");
  }

  private static void requireSame(JsonNode node) throws IOException {
    if (!same(node)) {
      throw unsupported(node, "padding other than SAME");
    }
  }

  private static int[] ints(JsonNode attr) {
    JsonNode list = attr.path("list").path("i");
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i).asInt();
    }
    return out;
  }

  /** A string attribute: tfjs's converter stores them base64-encoded. */
  private static String text(JsonNode base64) {
    return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
  }

  private static IOException unsupported(JsonNode node, String what) {
    return new IOException(
        "cannot convert tfjs node " + node.path("name").asText() + ": " + what + " not covered");
  }
}
