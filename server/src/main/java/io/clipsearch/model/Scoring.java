package io.clipsearch.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * How a model family turns cosines into probabilities: CLIP's softmax across the labels of {@code
 * logitScale · cos}, or SigLIP's independent per-label sigmoid of {@code logitScale · cos +
 * logitBias}.
 *
 * <p>Read from {@code config.json}: a config with {@code init_logit_bias} (every open_clip SigLIP
 * and SigLIP 2 config) scores by sigmoid. The learned scale and bias are not part of the published
 * ONNX folders; a folder may give them as top-level {@code logit_scale} (the scale itself, not its
 * log) and {@code logit_bias} in {@code config.json}. Without them the defaults are open_clip's
 * initial values: scale 10 and {@code init_logit_bias} for SigLIP, and 100 (the released CLIP
 * models' scale) for CLIP. Immutable.
 *
 * @param kind softmax across labels or sigmoid per label
 * @param logitScale the multiplier of the cosine, positive and finite
 * @param logitBias added after scaling (sigmoid only; 0 for softmax)
 */
public record Scoring(Kind kind, double logitScale, double logitBias) {

  /** Released CLIP models' learned logit scale (exp of 4.6052), the lab's softmax default. */
  public static final double CLIP_LOGIT_SCALE = 100.0;

  /** open_clip's initial SigLIP logit scale ({@code init_logit_scale = log(10)}). */
  public static final double SIGLIP_INIT_LOGIT_SCALE = 10.0;

  /** Softmax across labels (CLIP) or an independent sigmoid per label (SigLIP). */
  public enum Kind {
    SOFTMAX,
    SIGMOID
  }

  /**
   * @throws IllegalArgumentException if the scale is not positive and finite or the bias not finite
   */
  public Scoring {
    Objects.requireNonNull(kind, "kind");
    if (!(logitScale > 0) || Double.isInfinite(logitScale)) {
      throw new IllegalArgumentException("logit scale must be positive, got " + logitScale);
    }
    if (!Double.isFinite(logitBias)) {
      throw new IllegalArgumentException("logit bias must be finite, got " + logitBias);
    }
  }

  /** CLIP's softmax at {@code logitScale}. */
  public static Scoring softmax(double logitScale) {
    return new Scoring(Kind.SOFTMAX, logitScale, 0);
  }

  /** CLIP's softmax at the released models' scale, 100. */
  public static Scoring clip() {
    return softmax(CLIP_LOGIT_SCALE);
  }

  /** The scoring an open_clip {@code config.json} implies (see the type's description). */
  static Scoring fromConfig(JsonNode root) {
    JsonNode initBias = root.path("init_logit_bias");
    if (initBias.isMissingNode() || initBias.isNull()) {
      return softmax(root.path("logit_scale").asDouble(CLIP_LOGIT_SCALE));
    }
    return new Scoring(
        Kind.SIGMOID,
        root.path("logit_scale").asDouble(SIGLIP_INIT_LOGIT_SCALE),
        root.path("logit_bias").asDouble(initBias.asDouble()));
  }

  /** The same kind and bias at another scale (the lab's {@code --logit-scale}). */
  public Scoring withLogitScale(double scale) {
    return new Scoring(kind, scale, logitBias);
  }

  /** The probability of each label given an image's cosines to the labels. */
  public float[] probabilities(float[] cosines) {
    return kind == Kind.SOFTMAX ? softmaxOf(cosines) : sigmoidOf(cosines);
  }

  private float[] sigmoidOf(float[] cosines) {
    float[] p = new float[cosines.length];
    for (int i = 0; i < cosines.length; i++) {
      p[i] = (float) (1 / (1 + Math.exp(-(cosines[i] * logitScale + logitBias))));
    }
    return p;
  }

  private float[] softmaxOf(float[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (float s : scores) {
      max = Math.max(max, s * logitScale);
    }
    double[] e = new double[scores.length];
    double sum = 0;
    for (int i = 0; i < scores.length; i++) {
      e[i] = Math.exp(scores[i] * logitScale - max); // shifted by the max: no overflow at scale 100
      sum += e[i];
    }
    float[] p = new float[scores.length];
    for (int i = 0; i < scores.length; i++) {
      p[i] = (float) (e[i] / sum);
    }
    return p;
  }
}
