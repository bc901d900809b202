package io.clipsearch.faces;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The three face nets of a face-models folder ({@code models/faces}, written by {@link
 * TfjsFaceExport}): the SSD MobileNet v1 detector ({@value #DETECTOR_FILE}), the 68-point landmark
 * net ({@value #LANDMARKS_FILE}) and the 128-d descriptor net ({@value #DESCRIPTOR_FILE}), each on
 * ONNX Runtime. Not thread-safe (each net holds one predictor): one instance per thread. Whoever
 * loads it closes it.
 */
public final class FaceModels implements AutoCloseable {

  /** Where an installation or checkout keeps its face nets, relative to its home. */
  public static final String FOLDER = "models/faces";

  /** The detector's file name in a face-models folder. */
  public static final String DETECTOR_FILE = "ssd_mobilenetv1.onnx";

  /** The landmark net's file name in a face-models folder. */
  public static final String LANDMARKS_FILE = "face_landmark_68.onnx";

  /** The descriptor net's file name in a face-models folder. */
  public static final String DESCRIPTOR_FILE = "face_recognition.onnx";

  private final OnnxNet detector;
  private final OnnxNet landmarks;
  private final OnnxNet descriptor;

  private FaceModels(OnnxNet detector, OnnxNet landmarks, OnnxNet descriptor) {
    this.detector = detector;
    this.landmarks = landmarks;
    this.descriptor = descriptor;
  }

  /**
   * Loads the three nets of {@code folder}, each with {@code threads} intra-op threads.
   *
   * @throws IOException if a file is missing or cannot be loaded
   * @throws IllegalArgumentException if {@code threads} is not positive
   */
  public static FaceModels load(Path folder, int threads) throws IOException {
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
    OnnxNet detector = null;
    OnnxNet landmarks = null;
    try {
      detector =
          OnnxNet.load(
              folder.resolve(DETECTOR_FILE),
              threads,
              SsdMobilenetGraph.INPUT,
              new long[] {1, 3, SsdMobilenetGraph.SIZE, SsdMobilenetGraph.SIZE},
              List.of(
                  SsdMobilenetGraph.BOX_ENCODINGS,
                  SsdMobilenetGraph.CLASS_LOGITS,
                  SsdMobilenetGraph.ANCHORS));
      landmarks =
          OnnxNet.load(
              folder.resolve(LANDMARKS_FILE),
              threads,
              LandmarkGraph.INPUT,
              new long[] {1, 3, LandmarkGraph.SIZE, LandmarkGraph.SIZE},
              List.of(LandmarkGraph.OUTPUT));
      OnnxNet descriptor =
          OnnxNet.load(
              folder.resolve(DESCRIPTOR_FILE),
              threads,
              RecognitionGraph.INPUT,
              new long[] {1, 3, RecognitionGraph.SIZE, RecognitionGraph.SIZE},
              List.of(RecognitionGraph.OUTPUT));
      return new FaceModels(detector, landmarks, descriptor);
    } catch (IOException | RuntimeException e) {
      if (landmarks != null) {
        landmarks.close();
      }
      if (detector != null) {
        detector.close();
      }
      throw e;
    }
  }

  /** Box encodings, class logits and anchors of the detector for one 512x512 input. */
  float[][] detect(float[] input) {
    return detector.run(input);
  }

  /** The 136 landmark values of the landmark net for one 112x112 face. */
  float[] landmarks(float[] input) {
    return landmarks.run(input)[0];
  }

  /** The 128-d descriptor of one 150x150 aligned face. */
  float[] describe(float[] input) {
    return descriptor.run(input)[0];
  }

  @Override
  public void close() {
    descriptor.close();
    landmarks.close();
    detector.close();
  }
}
