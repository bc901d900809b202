package io.clipsearch.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The reference embeddings of {@code tiny-clip/reference.json}, computed by open_clip. */
record ReferenceEmbeddings(Map<String, float[]> images, Map<String, float[]> texts) {

  static ReferenceEmbeddings read(Path referenceJson) throws IOException {
    JsonNode root = new ObjectMapper().readTree(referenceJson.toFile());
    Map<String, float[]> images = new LinkedHashMap<>();
    root.get("images").properties().forEach(e -> images.put(e.getKey(), floats(e.getValue())));
    Map<String, float[]> texts = new LinkedHashMap<>();
    for (JsonNode t : root.get("texts")) {
      texts.put(t.get("text").asText(), floats(t.get("embedding")));
    }
    return new ReferenceEmbeddings(images, texts);
  }

  private static float[] floats(JsonNode array) {
    float[] v = new float[array.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) array.get(i).asDouble();
    }
    return v;
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
