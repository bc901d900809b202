package io.clipsearch.faces;

import io.clipsearch.model.onnx.OnnxGraph.ModelProto;
import io.clipsearch.model.tfjs.OnnxGraphWriter;
import io.clipsearch.model.tfjs.TfjsWeights;

/**
 * face-api's face recognition net (a ResNet-34-like net ported from dlib's face descriptor, {@code
 * faceRecognitionNet/}) as ONNX: input {@value #INPUT} {@code [1, 3, 150, 150]} (RGB minus
 * face-api's mean, divided by 255), output {@value #OUTPUT} {@code [1, 128]}, the descriptor as
 * face-api returns it (not normalized). The sizes are static, so the zero padding that {@code
 * residualDown} adds when a strided conv comes out one pixel short, or with more channels than the
 * pooled shortcut, is decided here once. Stateless.
 */
final class RecognitionGraph {

  static final String INPUT = "face";
  static final String OUTPUT = "descriptor";
  static final int SIZE = 150;
  static final int DIMENSION = 128;

  private RecognitionGraph() {}

  static ModelProto build(TfjsWeights w, String source) {
    OnnxGraphWriter g = new OnnxGraphWriter();
    Shape x = new Shape(g.input(INPUT, 3, SIZE, SIZE), 3, SIZE);
    x = convLayer(g, w, x, "conv32_down", 2, true, false);
    x = new Shape(g.pool("MaxPool", x.value, 3, 2), x.channels, (x.side - 3) / 2 + 1);
    for (String block :
        new String[] {
          "conv32_1",
          "conv32_2",
          "conv32_3",
          "conv64_down",
          "conv64_1",
          "conv64_2",
          "conv64_3",
          "conv128_down",
          "conv128_1",
          "conv128_2",
          "conv256_down",
          "conv256_1",
          "conv256_2",
          "conv256_down_out"
        }) {
      x = block.contains("down") ? residualDown(g, w, x, block) : residual(g, w, x, block);
    }
    String descriptor = g.matMul(g.spatialMean(x.value), w.get("fc"));
    g.output(OUTPUT, descriptor, 1, DIMENSION);
    return g.model("face-api face_recognition", source);
  }

  /** A value with its channel count and (square) side, which residualDown's padding needs. */
  private record Shape(String value, int channels, int side) {}

  /** convLayer.ts: conv (+ bias), scale layer (* weights + biases), optional relu. */
  private static Shape convLayer(
      OnnxGraphWriter g, TfjsWeights w, Shape x, String p, int stride, boolean relu, boolean same) {
    TfjsWeights.Weight filters = w.get(p + "/conv/filters");
    String out = g.conv(x.value, filters, w.get(p + "/conv/bias"), stride, same);
    out =
        g.addChannels(g.mulChannels(out, w.get(p + "/scale/weights")), w.get(p + "/scale/biases"));
    if (relu) {
      out = g.relu(out);
    }
    int k = filters.shape()[0];
    int side = same ? (x.side + stride - 1) / stride : (x.side - k) / stride + 1;
    return new Shape(out, filters.shape()[3], side);
  }

  private static Shape residual(OnnxGraphWriter g, TfjsWeights w, Shape x, String p) {
    Shape out = convLayer(g, w, x, p + "/conv1", 1, true, true);
    out = convLayer(g, w, out, p + "/conv2", 1, false, true);
    return new Shape(g.relu(g.add(out.value, x.value)), out.channels, out.side);
  }

  private static Shape residualDown(OnnxGraphWriter g, TfjsWeights w, Shape x, String p) {
    Shape out = convLayer(g, w, x, p + "/conv1", 2, true, false);
    out = convLayer(g, w, out, p + "/conv2", 1, false, true);
    String pooled = g.pool("AveragePool", x.value, 2, 2);
    int pooledSide = x.side / 2;
    String main = out.value;
    if (pooledSide != out.side) {
      main = g.padAfter(main, 0, pooledSide - out.side, pooledSide - out.side);
    }
    if (x.channels != out.channels) {
      pooled = g.padAfter(pooled, out.channels - x.channels, 0, 0);
    }
    return new Shape(g.relu(g.add(pooled, main)), out.channels, pooledSide);
  }
}
