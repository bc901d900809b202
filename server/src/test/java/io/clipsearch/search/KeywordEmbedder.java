package io.clipsearch.search;

import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ImagePipeline;
import io.clipsearch.model.ModelInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic in-test text embedder for search and ranking logic: each keyword is one axis
 * ({@link #AXES}), a text is the normalized sum of its keywords' axes; a text with none gets a
 * pseudo-random unit vector in the other dimensions, seeded by the text.
 */
final class KeywordEmbedder implements ClipModel {

  static final int DIM = 16;
  static final Map<String, Integer> AXES = Map.of("beach", 0, "sunset", 1, "people", 2, "snow", 3);

  static float[] axis(String word) {
    float[] v = new float[DIM];
    v[AXES.get(word)] = 1;
    return v;
  }

  static float[] unit(float... v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    float[] u = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      u[i] = (float) (v[i] / Math.sqrt(n));
    }
    return u;
  }

  @Override
  public List<float[]> embedTexts(List<String> texts) {
    return texts.stream().map(KeywordEmbedder::embed).toList();
  }

  static float[] embed(String text) {
    float[] v = new float[DIM];
    boolean any = false;
    for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
      Integer axis = AXES.get(word);
      if (axis != null) {
        v[axis] += 1;
        any = true;
      }
    }
    if (!any) {
      Random random = new Random(text.hashCode());
      for (int d = AXES.size(); d < DIM; d++) {
        v[d] = (float) random.nextGaussian();
      }
    }
    return unit(v);
  }

  @Override
  public int dimension() {
    return DIM;
  }

  @Override
  public ModelInfo info() {
    throw new UnsupportedOperationException("not needed by search tests");
  }

  @Override
  public ImagePipeline images() {
    throw new UnsupportedOperationException("not needed by search tests");
  }

  @Override
  public void close() {}
}
