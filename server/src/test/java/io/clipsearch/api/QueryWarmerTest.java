package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.collection.CollectionOpener;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.model.ActiveModel;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link QueryWarmer} with a real model and real indexes on disk. */
class QueryWarmerTest {

  @TempDir Path data;

  private static ImageDoc doc(Path path, String id, float[] vector) {
    return new ImageDoc(path, id, 1, 0, 64, 64, PhotoMetadata.NONE, vector);
  }

  private static float[] unit(ClipModel model, Random random) {
    float[] v = new float[model.dimension()];
    double norm = 0;
    for (int d = 0; d < v.length; d++) {
      v[d] = (float) random.nextGaussian();
      norm += v[d] * v[d];
    }
    for (int d = 0; d < v.length; d++) {
      v[d] /= (float) Math.sqrt(norm);
    }
    return v;
  }

  @Test
  void warmsACollectionWithPhotosAndAnEmptyOneOnlyOnceAJobHasFilledIt() throws Exception {
    Path folder = SharedFixtures.tinyClip();
    try (ActiveModel active = new ActiveModel(folder, ClipModels.load(folder))) {
      ClipModel model = active;
      CollectionOpener opener = CollectionOpener.embedded(data, model);
      Path photos = Files.createDirectories(data.resolve("photos"));
      opener.define("full", List.of(photos), Optional.empty());
      opener.define("empty", List.of(photos), Optional.empty());
      QueryWarmer warmer = new QueryWarmer(active);
      try (OpenCollection full = opener.open("full");
          OpenCollection empty = opener.open("empty")) {
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
          full.index().upsert(doc(photos.resolve(i + ".jpg"), "id" + i, unit(model, random)));
        }
        full.index().commit();
        full.index().refresh();

        assertTrue(warmer.warming("full").isEmpty(), "not opened through the warmer yet");
        warmer.accept(full);
        warmer.accept(empty);

        int searches = warmer.warming("full").orElseThrow().get(2, TimeUnit.MINUTES);
        assertTrue(searches >= 32, searches + " searches"); // QueryWarmUpTest: every prompt
        assertEquals(0, warmer.warming("empty").orElseThrow().get(2, TimeUnit.MINUTES));

        CompletableFuture<Integer> fullWarmUp = warmer.warming("full").orElseThrow();
        warmer.afterJob(full);
        assertSame(fullWarmUp, warmer.warming("full").orElseThrow(), "warm already: not again");
        empty.index().upsert(doc(photos.resolve("new.jpg"), "new", unit(model, random)));
        empty.index().refresh();
        warmer.afterJob(empty);
        assertTrue(
            warmer.warming("empty").orElseThrow().get(2, TimeUnit.MINUTES) >= 32,
            "a job filled it: warmed now");
      }
    }
  }
}
