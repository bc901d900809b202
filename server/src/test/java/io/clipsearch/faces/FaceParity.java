package io.clipsearch.faces;

import io.clipsearch.faces.FaceReference.Photo;
import io.clipsearch.faces.FaceReference.RefFace;
import io.clipsearch.model.image.DecodedImage;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.testing.SharedFixtures;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Compares {@link FaceFinder} with face-api's reference on photos: each reference face paired with
 * the Java face of highest box IoU, and the figures the docs report (IoU, landmark error in pixels,
 * descriptor cosine), plus faces found on one side only and photos whose decoded pixels differ from
 * the reference's.
 */
record FaceParity(
    int photos,
    int faces,
    int unmatched,
    int extra,
    int pixelMismatches,
    double minIou,
    double meanIouGap,
    double maxLandmarkPx,
    double meanLandmarkPx,
    double minCosine,
    double maxScoreGap,
    List<String> problems) {

  /** IoU below which a Java face is not the reference face. */
  static final double SAME_FACE_IOU = 0.5;

  static FaceParity measure(FaceFinder finder, List<Photo> photos) throws Exception {
    ImageDecoder decoder = new ImageDecoder();
    int faces = 0;
    int unmatched = 0;
    int extra = 0;
    int pixelMismatches = 0;
    double minIou = 1;
    double iouGap = 0;
    double maxPx = 0;
    double sumPx = 0;
    int points = 0;
    double minCosine = 1;
    double maxScoreGap = 0;
    List<String> problems = new ArrayList<>();
    for (Photo photo : photos) {
      DecodedImage image = decoder.decode(ImageSource.of(SharedFixtures.path(photo.file())));
      String sha =
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image.rgb()));
      if (!sha.equals(photo.rgbSha256())) {
        pixelMismatches++;
        problems.add(photo.file() + ": decoded pixels differ from the reference's");
      }
      List<Face> found = new ArrayList<>(finder.find(image));
      for (RefFace ref : photo.faces()) {
        faces++;
        Face best = null;
        double bestIou = 0;
        for (Face f : found) {
          double iou = iou(ref.box(), f.box());
          if (iou > bestIou) {
            bestIou = iou;
            best = f;
          }
        }
        if (best == null || bestIou < SAME_FACE_IOU) {
          unmatched++;
          problems.add(photo.file() + ": no face for reference face of score " + ref.score());
          continue;
        }
        found.remove(best);
        minIou = Math.min(minIou, bestIou);
        iouGap += 1 - bestIou;
        maxScoreGap = Math.max(maxScoreGap, Math.abs(ref.score() - best.score()));
        double[] lm = best.landmarks();
        for (int i = 0; i < Face.LANDMARKS; i++) {
          double px =
              Math.hypot(
                  lm[2 * i] - ref.landmarks()[2 * i], lm[2 * i + 1] - ref.landmarks()[2 * i + 1]);
          maxPx = Math.max(maxPx, px);
          sumPx += px;
          points++;
        }
        minCosine = Math.min(minCosine, cosine(ref.descriptor(), best.descriptor()));
      }
      for (Face f : found) {
        extra++;
        problems.add(photo.file() + ": extra face of score " + f.score() + " at " + f.box());
      }
    }
    int matched = faces - unmatched;
    return new FaceParity(
        photos.size(),
        faces,
        unmatched,
        extra,
        pixelMismatches,
        minIou,
        matched == 0 ? 0 : iouGap / matched,
        maxPx,
        points == 0 ? 0 : sumPx / points,
        minCosine,
        maxScoreGap,
        problems);
  }

  static double iou(double[] a, FaceBox b) {
    double ix = Math.max(0, Math.min(a[0] + a[2], b.x() + b.width()) - Math.max(a[0], b.x()));
    double iy = Math.max(0, Math.min(a[1] + a[3], b.y() + b.height()) - Math.max(a[1], b.y()));
    double inter = ix * iy;
    return inter / (a[2] * a[3] + b.width() * b.height() - inter);
  }

  static double cosine(double[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  String summary() {
    return String.format(
        "%d photos, %d reference faces: unmatched %d, extra %d, pixel mismatches %d; box IoU min %.6f"
            + " (mean gap %.2e); landmarks max %.4f px, mean %.5f px; descriptor cosine min %.7f (1 - min: %.1e);"
            + " score gap max %.2e",
        photos,
        faces,
        unmatched,
        extra,
        pixelMismatches,
        minIou,
        meanIouGap,
        maxLandmarkPx,
        meanLandmarkPx,
        minCosine,
        1 - minCosine,
        maxScoreGap);
  }
}
