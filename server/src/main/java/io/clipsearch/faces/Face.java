package io.clipsearch.faces;

import java.util.Arrays;
import java.util.Objects;

/**
 * One face found in an image: its detection box and score, its 68 landmarks in image pixels (iBUG
 * 300-W order: jaw 0-16, brows 17-26, nose 27-35, eyes 36-47, mouth 48-67; {@code x0, y0, x1, y1,
 * ...}) and its 128-d descriptor as face-api computes it (not normalized: face-api and dlib compare
 * descriptors by Euclidean distance, 0.6 meaning "same person"). Immutable: arrays are copied in
 * and out.
 *
 * @param score the detector's confidence, 0..1
 */
public record Face(FaceBox box, float score, double[] landmarks, float[] descriptor) {

  /** Landmark points per face. */
  public static final int LANDMARKS = 68;

  /** Values in a descriptor. */
  public static final int DESCRIPTOR_SIZE = RecognitionGraph.DIMENSION;

  /**
   * @throws IllegalArgumentException if the score is outside 0..1, or an array has the wrong length
   */
  public Face {
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(landmarks, "landmarks");
    Objects.requireNonNull(descriptor, "descriptor");
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score outside 0..1: " + score);
    }
    if (landmarks.length != LANDMARKS * 2) {
      throw new IllegalArgumentException(
          "landmarks has " + landmarks.length + " values, expected 136");
    }
    if (descriptor.length != DESCRIPTOR_SIZE) {
      throw new IllegalArgumentException(
          "descriptor has " + descriptor.length + " values, expected " + DESCRIPTOR_SIZE);
    }
    landmarks = landmarks.clone();
    descriptor = descriptor.clone();
  }

  @Override
  public double[] landmarks() {
    return landmarks.clone();
  }

  @Override
  public float[] descriptor() {
    return descriptor.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Face f
        && box.equals(f.box)
        && Float.compare(score, f.score) == 0
        && Arrays.equals(landmarks, f.landmarks)
        && Arrays.equals(descriptor, f.descriptor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(box, score, Arrays.hashCode(landmarks), Arrays.hashCode(descriptor));
  }

  @Override
  public String toString() {
    return "Face[" + box + ", score=" + score + "]";
  }
}
