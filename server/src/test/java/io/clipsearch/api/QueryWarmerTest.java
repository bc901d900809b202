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
import io.clipsearch.model.ImagePipeline;
import io.clipsearch.model.ModelInfo;
import io.clipsearch.model.Vectors;
import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link QueryWarmer} with a real model and real indexes on disk. */
class QueryWarmerTest {

  @TempDir Path data;

  private static ImageDoc doc(Path path, String id, float[] vector) {
    return new ImageDoc(path, id, 1, 0, 64, 64, PhotoMetadata.NONE, vector);
  }

  private static float[] unit(ClipModel model, Random random) {
    return Vectors.unit(
        DoubleStream.generate(random::nextGaussian).limit(model.dimension()).toArray());
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

  /** The tiny model, 20 ms slower per text: a warm-up then lasts over a second. */
  private record SlowText(ClipModel model) implements ClipModel {
    @Override
    public ModelInfo info() {
      return model.info();
    }

    @Override
    public int dimension() {
      return model.dimension();
    }

    @Override
    public List<float[]> embedTexts(List<String> texts) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return model.embedTexts(texts);
    }

    @Override
    public ImagePipeline images() {
      return model.images();
    }

    @Override
    public void close() {
      model.close();
    }
  }

  @Test
  void closingStopsTheRunningWarmUpsAndWaitsForThemThenWarmsNothing() throws Exception {
    Path folder = SharedFixtures.tinyClip();
    try (ActiveModel active = new ActiveModel(folder, new SlowText(ClipModels.load(folder)))) {
      CollectionOpener opener = CollectionOpener.embedded(data, active);
      Path photos = Files.createDirectories(data.resolve("photos"));
      opener.define("photos", List.of(photos), Optional.empty());
      QueryWarmer warmer = new QueryWarmer(active);
      try (OpenCollection c = opener.open("photos")) {
        c.index().upsert(doc(photos.resolve("a.jpg"), "a", unit(active, new Random(1))));
        c.index().refresh();

        warmer.accept(c);
        Thread.sleep(100); // under way
        warmer.close();

        CompletableFuture<Integer> stopped = warmer.warming("photos").orElseThrow();
        assertTrue(stopped.isDone(), "close() returned only once the warm-up had ended");
        assertTrue(stopped.get() < 64, stopped.get() + " searches: stopped early");
        warmer.accept(c);
        assertEquals(0, warmer.warming("photos").orElseThrow().getNow(-1), "closed: no new one");
      }
    }
  }
}
