package io.clipsearch.faces;

import io.clipsearch.model.onnx.OnnxGraph.ModelProto;
import io.clipsearch.model.tfjs.OnnxGraphWriter;
import io.clipsearch.model.tfjs.TfjsWeights;

/**
 * face-api's SSD MobileNet v1 face detector as ONNX, after {@code ssdMobilenetv1/mobileNetV1.ts},
 * {@code predictionLayer.ts} and {@code boxPredictionLayer.ts}: input {@value #INPUT} {@code [1, 3,
 * 512, 512]} (RGB scaled to -1..1), outputs {@value #BOX_ENCODINGS} {@code [1, 5118, 4]} and
 * {@value #CLASS_LOGITS} {@code [1, 5118, 3]} in tfjs's anchor order, and the anchors themselves
 * ({@value #ANCHORS} {@code [1, 5118, 4]}, face-api's {@code Output/extra_dim}), so that decoding
 * and non-maximum suppression, which face-api does outside the net, stay in Java ({@link
 * SsdDecoder}). Stateless.
 */
final class SsdMobilenetGraph {

  static final String INPUT = "image";
  static final String BOX_ENCODINGS = "box_encodings";
  static final String CLASS_LOGITS = "class_logits";
  static final String ANCHORS = "anchors";
  static final int SIZE = 512;
  static final int ANCHOR_COUNT = 5118;

  /** mobileNetV1.ts's batch-norm epsilon, a float32 constant there. */
  private static final float EPSILON = 0.0010000000474974513f;

  private SsdMobilenetGraph() {}

  static ModelProto build(TfjsWeights w, String source) {
    OnnxGraphWriter g = new OnnxGraphWriter();
    String x = g.input(INPUT, 3, SIZE, SIZE);
    String out = pointwise(g, w, x, "MobilenetV1", 0, 2);
    String conv11 = null;
    for (int i = 1; i <= 13; i++) {
      String p = "MobilenetV1/Conv2d_" + i + "_depthwise";
      int stride = i == 2 || i == 4 || i == 6 || i == 12 ? 2 : 1;
      out = g.depthwise(out, w.get(p + "/depthwise_weights"), stride);
      out =
          g.batchNorm(
              out,
              w.get(p + "/BatchNorm/gamma"),
              w.get(p + "/BatchNorm/beta"),
              w.get(p + "/BatchNorm/moving_mean"),
              w.get(p + "/BatchNorm/moving_variance"),
              EPSILON);
      out = g.relu6(out);
      out = pointwise(g, w, out, "MobilenetV1", i, 1);
      if (i == 11) {
        conv11 = out;
      }
    }
    String[] convs = new String[8];
    String prev = out;
    for (int i = 0; i < 8; i++) {
      prev = pointwise(g, w, prev, "Prediction", i, i % 2 == 1 ? 2 : 1);
      convs[i] = prev;
    }
    String[] sources = {conv11, out, convs[1], convs[3], convs[5], convs[7]};
    String[] boxes = new String[6];
    String[] classes = new String[6];
    for (int i = 0; i < 6; i++) {
      String p = "Prediction/BoxPredictor_" + i;
      boxes[i] = predictor(g, w, sources[i], p + "/BoxEncodingPredictor", 4);
      classes[i] = predictor(g, w, sources[i], p + "/ClassPredictor", 3);
    }
    g.output(BOX_ENCODINGS, g.concat(1, boxes), 1, ANCHOR_COUNT, 4);
    g.output(CLASS_LOGITS, g.concat(1, classes), 1, ANCHOR_COUNT, 3);
    g.output(ANCHORS, g.constant(w.get("Output/extra_dim")), 1, ANCHOR_COUNT, 4);
    return g.model("face-api ssd_mobilenetv1", source);
  }

  /** pointwiseConvLayer.ts: conv (SAME), + batch-norm offset, relu6. */
  private static String pointwise(
      OnnxGraphWriter g, TfjsWeights w, String x, String scope, int index, int stride) {
    String p = scope + "/Conv2d_" + index + "_pointwise";
    String conv =
        g.conv(x, w.get(p + "/weights"), w.get(p + "/convolution_bn_offset"), stride, true);
    return g.relu6(conv);
  }

  /** boxPredictionLayer.ts: a conv with bias, reshaped in NHWC order to {@code [1, -1, n]}. */
  private static String predictor(OnnxGraphWriter g, TfjsWeights w, String x, String p, int n) {
    String conv = g.conv(x, w.get(p + "/weights"), w.get(p + "/biases"), 1, true);
    return g.reshape(g.toNhwc(conv), 1, -1, n);
  }
}
