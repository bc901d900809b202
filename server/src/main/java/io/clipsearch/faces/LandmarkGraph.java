package io.clipsearch.faces;

import io.clipsearch.model.onnx.OnnxGraph.ModelProto;
import io.clipsearch.model.tfjs.OnnxGraphWriter;
import io.clipsearch.model.tfjs.TfjsWeights;

/**
 * face-api's 68-point landmark net ({@code FaceLandmark68Net}: four dense blocks of depthwise
 * separable convolutions, {@code faceFeatureExtractor/denseBlock.ts}, a 7x7 average pool and a
 * fully connected layer) as ONNX: input {@value #INPUT} {@code [1, 3, 112, 112]} (RGB minus
 * face-api's mean, divided by 255), output {@value #OUTPUT} {@code [1, 136]}: x, y interleaved,
 * relative to the padded square input. Stateless.
 */
final class LandmarkGraph {

  static final String INPUT = "face";
  static final String OUTPUT = "landmarks";
  static final int SIZE = 112;
  static final int VALUES = 136;

  private LandmarkGraph() {}

  static ModelProto build(TfjsWeights w, String source) {
    OnnxGraphWriter g = new OnnxGraphWriter();
    String x = g.input(INPUT, 3, SIZE, SIZE);
    for (int i = 0; i < 4; i++) {
      x = denseBlock4(g, w, x, "dense" + i, i == 0);
    }
    x = g.flatten(g.pool("AveragePool", x, 7, 2));
    x = g.addVector(g.matMul(x, w.get("fc/weights")), w.get("fc/bias"));
    g.output(OUTPUT, x, 1, VALUES);
    return g.model("face-api face_landmark_68", source);
  }

  /** denseBlock4 with its scale-down first convolution; additions in face-api's order. */
  private static String denseBlock4(
      OnnxGraphWriter g, TfjsWeights w, String x, String p, boolean firstLayer) {
    String out1 =
        g.relu(
            firstLayer
                ? g.conv(x, w.get(p + "/conv0/filters"), w.get(p + "/conv0/bias"), 2, true)
                : separable(g, w, x, p + "/conv0", 2));
    String out2 = separable(g, w, out1, p + "/conv1", 1);
    String in3 = g.relu(g.add(out1, out2));
    String out3 = separable(g, w, in3, p + "/conv2", 1);
    String in4 = g.relu(g.add(out1, g.add(out2, out3)));
    String out4 = separable(g, w, in4, p + "/conv3", 1);
    return g.relu(g.add(out1, g.add(out2, g.add(out3, out4))));
  }

  /** depthwiseSeparableConv.ts: depthwise (strided, SAME), pointwise, + bias. */
  private static String separable(
      OnnxGraphWriter g, TfjsWeights w, String x, String p, int stride) {
    String depthwise = g.depthwise(x, w.get(p + "/depthwise_filter"), stride);
    return g.conv(depthwise, w.get(p + "/pointwise_filter"), w.get(p + "/bias"), 1, true);
  }
}
