package io.clipsearch.faces;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * face-api's outputs on the fixture photos ({@code reference.json}, written by {@code
 * scripts/faces/generate-reference.mjs}): per photo its split ({@code tune}: may be looked at while
 * getting the Java side right; {@code heldout}: checked only by {@link FaceParityTest}), decoded
 * size, the SHA-256 of its decoded RGB bytes and its faces.
 */
record FaceReference(String faceApi, String backend, double minConfidence, List<Photo> photos) {

  record Photo(
      String file, String split, int width, int height, String rgbSha256, List<RefFace> faces) {}

  /**
   * One reference face: box {@code [x, y, w, h]}, landmarks {@code x0, y0, ...}, descriptor (read,
   * never compared as a whole).
   */
  record RefFace(double score, double[] box, double[] landmarks, double[] descriptor) {}

  static FaceReference load() throws IOException {
    try (InputStream in = FaceReference.class.getResourceAsStream("reference.json")) {
      return new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .readValue(in, FaceReference.class);
    }
  }

  List<Photo> split(String name) {
    return photos.stream().filter(p -> p.split().equals(name)).toList();
  }
}
