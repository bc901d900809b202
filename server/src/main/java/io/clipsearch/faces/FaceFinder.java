package io.clipsearch.faces;

import io.clipsearch.model.image.DecodedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the faces of an image as face-api's {@code detectAllFaces(image,
 * SsdMobilenetv1Options).withFaceLandmarks().withFaceDescriptors()} does: SSD MobileNet v1
 * detection, 68 landmarks on each detection's crop, then dlib's alignment crop (a square from the
 * eye and mouth centres) for the 128-d descriptor. Each step repeats face-api's arithmetic,
 * rounding included, so the results match the reference (see docs/FACES.md for the figures).
 *
 * <p>Uses the {@link FaceModels} it is given and does not close them; not thread-safe, as they are
 * not.
 */
public final class FaceFinder {

  /** face-api's default minimum detection score ({@code SsdMobilenetv1Options}). */
  public static final double DEFAULT_MIN_SCORE = 0.5;

  /** face-api's default maximum number of detections. */
  private static final int MAX_RESULTS = 100;

  // dlib alignment constants of face-api's FaceLandmarks
  private static final double ALIGN_X = 0.5;
  private static final double ALIGN_Y = 0.43;
  private static final double ALIGN_SCALE = 0.45;

  private final FaceModels models;
  private final double minScore;

  /**
   * @param minScore the score a detection must exceed, in (0, 1)
   * @throws IllegalArgumentException if {@code minScore} is outside (0, 1)
   */
  public FaceFinder(FaceModels models, double minScore) {
    this.models = Objects.requireNonNull(models, "models");
    if (!(minScore > 0 && minScore < 1)) {
      throw new IllegalArgumentException("minScore must be in (0, 1): " + minScore);
    }
    this.minScore = minScore;
  }

  /**
   * The faces of {@code image}, best score first. A detection whose crop is empty after clipping to
   * the image (face-api would fail on it) is left out.
   */
  public List<Face> find(DecodedImage image) {
    int width = image.width();
    int height = image.height();
    List<Face> faces = new ArrayList<>();
    for (SsdDecoder.Detection d :
        SsdDecoder.decode(
            models.detect(NetInputs.detector(image)), width, height, minScore, MAX_RESULTS)) {
      FaceBox box = d.box();
      // extractFaceTensors crops detection.forSize(w, h).box: the box through relative coordinates
      Crop crop =
          Crop.clip(
              box.x() * (1.0 / width) * width,
              box.y() * (1.0 / height) * height,
              box.width() * (1.0 / width) * width,
              box.height() * (1.0 / height) * height,
              width,
              height);
      if (crop.isEmpty()) {
        continue;
      }
      double[] landmarks = landmarks(image, crop, box);
      Crop aligned = alignDlib(landmarks, crop, width, height);
      if (aligned.isEmpty()) {
        continue;
      }
      float[] descriptor = models.describe(NetInputs.face(image, aligned, RecognitionGraph.SIZE));
      faces.add(new Face(box, d.score(), landmarks, descriptor));
    }
    return faces;
  }

  /**
   * The landmark net on the crop, mapped to image pixels as FaceLandmark68NetBase.postProcess
   * (float32) and FaceLandmarks' shift (double) do.
   */
  private double[] landmarks(DecodedImage image, Crop crop, FaceBox box) {
    int size = LandmarkGraph.SIZE;
    float[] out = models.landmarks(NetInputs.face(image, crop, size));
    double scale = (double) size / Math.max(crop.height(), crop.width());
    double inputWidth = crop.width() * scale;
    double inputHeight = crop.height() * scale;
    double padX = inputWidth < inputHeight ? Math.abs(inputWidth - inputHeight) / 2 : 0;
    double padY = inputHeight < inputWidth ? Math.abs(inputWidth - inputHeight) / 2 : 0;
    double[] points = new double[Face.LANDMARKS * 2];
    for (int i = 0; i < Face.LANDMARKS; i++) {
      float relX = (out[2 * i] * (float) size - (float) padX) / (float) inputWidth;
      float relY = (out[2 * i + 1] * (float) size - (float) padY) / (float) inputHeight;
      // positions in the crop, then re-based on the detection box (not the floored crop)
      double cropX = relX * (double) crop.width();
      double cropY = relY * (double) crop.height();
      points[2 * i] = cropX / crop.width() * crop.width() + box.x();
      points[2 * i + 1] = cropY / crop.height() * crop.height() + box.y();
    }
    return points;
  }

  /**
   * face-api's FaceLandmarks.alignDlib: a square of side eye-to-mouth distance / 0.45 around the
   * eyes' and mouth's centre, its size capped by the landmark crop's (face-api's quirk), then
   * clipped to the image.
   */
  private static Crop alignDlib(double[] p, Crop crop, int width, int height) {
    double[] leftEye = centre(p, 36, 42);
    double[] rightEye = centre(p, 42, 48);
    double[] mouth = centre(p, 48, 68);
    double eyeToMouth = (distance(mouth, leftEye) + distance(mouth, rightEye)) / 2;
    double size = Math.floor(eyeToMouth / ALIGN_SCALE);
    double refX = (leftEye[0] + rightEye[0] + mouth[0]) / 3;
    double refY = (leftEye[1] + rightEye[1] + mouth[1]) / 3;
    double x = Math.floor(Math.max(0, refX - ALIGN_X * size));
    double y = Math.floor(Math.max(0, refY - ALIGN_Y * size));
    return Crop.clip(
        x, y, Math.min(size, crop.width() + x), Math.min(size, crop.height() + y), width, height);
  }

  /** getCenterPoint of landmarks {@code from} (inclusive) to {@code to}, summed in order. */
  private static double[] centre(double[] p, int from, int to) {
    double x = 0;
    double y = 0;
    for (int i = from; i < to; i++) {
      x += p[2 * i];
      y += p[2 * i + 1];
    }
    return new double[] {x / (to - from), y / (to - from)};
  }

  private static double distance(double[] a, double[] b) {
    double dx = a[0] - b[0];
    double dy = a[1] - b[1];
    return Math.sqrt(dx * dx + dy * dy);
  }
}
