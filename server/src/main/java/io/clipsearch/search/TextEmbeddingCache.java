package io.clipsearch.search;

import io.clipsearch.model.ClipModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recently embedded prompts and their vectors: paging, changing a filter or re-sorting re-runs the
 * same text, which then costs no text-tower call (tens of milliseconds each on a CPU).
 *
 * <p>Least-recently-used, at most {@code capacity} prompts (2 KB each at 512 dimensions).
 * Thread-safe; misses are embedded outside the lock, in one batch.
 */
final class TextEmbeddingCache {

  private final ClipModel model;
  private final Map<String, float[]> recent;

  TextEmbeddingCache(ClipModel model, int capacity) {
    this.model = model;
    this.recent =
        new LinkedHashMap<>(capacity, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Unit vectors of the texts, in order (copies: callers may not change the cache). */
  List<float[]> embed(List<String> texts) {
    float[][] out = new float[texts.size()][];
    List<String> missing = new ArrayList<>();
    synchronized (recent) {
      for (int i = 0; i < out.length; i++) {
        float[] v = recent.get(texts.get(i));
        if (v == null) {
          missing.add(texts.get(i));
        } else {
          out[i] = v.clone();
        }
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> computed = model.embedTexts(missing);
      synchronized (recent) {
        for (int m = 0; m < missing.size(); m++) {
          recent.put(missing.get(m), computed.get(m).clone());
        }
      }
      int m = 0;
      for (int i = 0; i < out.length; i++) {
        if (out[i] == null) {
          out[i] = computed.get(m++);
        }
      }
    }
    return List.of(out);
  }
}
