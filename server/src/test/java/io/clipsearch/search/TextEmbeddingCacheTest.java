package io.clipsearch.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.testing.SharedFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Repeated prompts come from the cache, equal to a fresh embedding; the oldest leave first. */
class TextEmbeddingCacheTest {

  @Test
  void cachedVectorsEqualFreshOnesAndTheCacheIsBounded() throws Exception {
    try (ClipModel model = ClipModels.load(SharedFixtures.tinyClip())) {
      TextEmbeddingCache cache = new TextEmbeddingCache(model, 2);
      List<float[]> first = cache.embed(List.of("a cat", "a dog"));
      List<float[]> again = cache.embed(List.of("a dog", "a cat", "a bird"));
      assertArrayEquals(first.get(0), again.get(1), 0f);
      assertArrayEquals(first.get(1), again.get(0), 0f);
      assertArrayEquals(model.embedText("a bird"), again.get(2), 1e-6f);
      again.get(0)[0] = 42; // callers get copies
      assertEquals(first.get(1)[0], cache.embed(List.of("a dog")).getFirst()[0], 0f);
    }
  }
}
