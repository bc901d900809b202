package io.clipsearch.faces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the detector's outputs into scored boxes in image pixels, as face-api's {@code
 * SsdMobilenetv1.locateFaces} does: box encodings decoded against the anchors ({@code
 * outputLayer.ts}, float32 step by step), scores the sigmoid of the face logit, face-api's greedy
 * non-maximum suppression ({@code nonMaxSuppression.ts}: IoU above {@value #IOU_THRESHOLD}
 * suppresses, scores must exceed the threshold), then boxes clamped to 0..1 and mapped back through
 * the bottom-right padding. Stateless.
 */
final class SsdDecoder {

  static final double IOU_THRESHOLD = 0.5;

  /** One kept detection: its score and box in pixels. */
  record Detection(float score, FaceBox box) {}

  private SsdDecoder() {}

  /**
   * @param outputs box encodings, class logits, anchors (flat, {@link SsdMobilenetGraph}'s order)
   * @param minScore the score a detection must exceed
   * @param maxResults the most detections kept
   */
  static List<Detection> decode(
      float[][] outputs, int imageWidth, int imageHeight, double minScore, int maxResults) {
    float[] encodings = outputs[0];
    float[] logits = outputs[1];
    float[] anchors = outputs[2];
    int n = anchors.length / 4;
    float[][] boxes = new float[n][];
    float[] scores = new float[n];
    for (int i = 0; i < n; i++) {
      boxes[i] = decodeBox(anchors, encodings, i);
      scores[i] = (float) (1.0 / (1.0 + StrictMath.exp(-logits[i * 3 + 1])));
    }
    List<Integer> kept = suppress(boxes, scores, Math.min(maxResults, n), minScore);
    int side = Math.max(imageWidth, imageHeight);
    double scale = (double) SsdMobilenetGraph.SIZE / side;
    // face-api maps back through the resized size rounded to whole pixels
    double padX = (double) SsdMobilenetGraph.SIZE / Math.round(imageWidth * scale);
    double padY = (double) SsdMobilenetGraph.SIZE / Math.round(imageHeight * scale);
    List<Detection> detections = new ArrayList<>();
    for (int idx : kept) {
      float[] b = boxes[idx];
      double top = Math.max(0, b[0]) * padY;
      double bottom = Math.min(1.0, b[2]) * padY;
      double left = Math.max(0, b[1]) * padX;
      double right = Math.min(1.0, b[3]) * padX;
      FaceBox box =
          new FaceBox(
              left * imageWidth,
              top * imageHeight,
              (right - left) * imageWidth,
              (bottom - top) * imageHeight);
      detections.add(new Detection(scores[idx], box));
    }
    return detections;
  }

  /** outputLayer.ts's decodeBoxesLayer for anchor {@code i}: ymin, xmin, ymax, xmax. */
  private static float[] decodeBox(float[] anchors, float[] encodings, int i) {
    float a0 = anchors[i * 4];
    float a1 = anchors[i * 4 + 1];
    float a2 = anchors[i * 4 + 2];
    float a3 = anchors[i * 4 + 3];
    float size0 = a2 - a0;
    float size1 = a3 - a1;
    float center0 = a0 + size0 / 2f;
    float center1 = a1 + size1 / 2f;
    float e0 = encodings[i * 4];
    float e1 = encodings[i * 4 + 1];
    float e2 = encodings[i * 4 + 2];
    float e3 = encodings[i * 4 + 3];
    float half0 = (float) StrictMath.exp(e2 / 5f) * size0 / 2f;
    float mid0 = e0 / 10f * size0 + center0;
    float half1 = (float) StrictMath.exp(e3 / 5f) * size1 / 2f;
    float mid1 = e1 / 10f * size1 + center1;
    return new float[] {mid0 - half0, mid1 - half1, mid0 + half0, mid1 + half1};
  }

  /** face-api's greedy suppression; the kept indices, best first. */
  private static List<Integer> suppress(
      float[][] boxes, float[] scores, int outputSize, double threshold) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] > threshold) {
        candidates.add(i);
      }
    }
    // a stable sort, as JavaScript's
    candidates.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    List<Integer> selected = new ArrayList<>();
    for (int c : candidates) {
      if (selected.size() >= outputSize) {
        break;
      }
      double score = scores[c];
      for (int j = selected.size() - 1; j >= 0; j--) {
        double iou = iou(boxes[c], boxes[selected.get(j)]);
        if (iou == 0.0) {
          continue;
        }
        score *= iou <= IOU_THRESHOLD ? 1 : 0;
        if (score <= threshold) {
          break;
        }
      }
      if (score == scores[c]) {
        selected.add(c);
      }
    }
    return selected;
  }

  private static double iou(float[] a, float[] b) {
    double yminA = Math.min(a[0], a[2]);
    double xminA = Math.min(a[1], a[3]);
    double ymaxA = Math.max(a[0], a[2]);
    double xmaxA = Math.max(a[1], a[3]);
    double yminB = Math.min(b[0], b[2]);
    double xminB = Math.min(b[1], b[3]);
    double ymaxB = Math.max(b[0], b[2]);
    double xmaxB = Math.max(b[1], b[3]);
    double areaA = (ymaxA - yminA) * (xmaxA - xminA);
    double areaB = (ymaxB - yminB) * (xmaxB - xminB);
    if (areaA <= 0 || areaB <= 0) {
      return 0.0;
    }
    double intersection =
        Math.max(Math.min(ymaxA, ymaxB) - Math.max(yminA, yminB), 0.0)
            * Math.max(Math.min(xmaxA, xmaxB) - Math.max(xminA, xminB), 0.0);
    return intersection / (areaA + areaB - intersection);
  }
}
