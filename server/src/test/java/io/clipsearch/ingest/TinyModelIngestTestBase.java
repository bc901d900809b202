package io.clipsearch.ingest;

import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.collection.ThumbnailStore;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.lucene.IndexReads;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.testing.SharedFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ingest tests on real files share: the tiny-clip model (loaded once per class), a fresh
 * folder of {@link #photoCount()} copied sample photos and a collection layout per test, and an
 * index in the model's space.
 */
abstract class TinyModelIngestTestBase {

  static ClipModel model;

  @TempDir Path tmp;
  Path photos;
  CollectionLayout layout;

  /** Sample photos copied into {@link #photos} before each test. */
  abstract int photoCount();

  @BeforeAll
  static void loadModel() throws IOException {
    model = ClipModels.load(SharedFixtures.tinyClip());
  }

  @AfterAll
  static void closeModel() {
    if (model != null) {
      model.close();
    }
  }

  @BeforeEach
  void copyPhotos() throws IOException {
    photos = tmp.resolve("photos");
    Photos.copy(photos, photoCount(), 0);
    layout = new CollectionLayout(tmp.resolve("data"), "test");
  }

  VectorIndex openIndex() throws IOException {
    return VectorIndex.open(
        layout.indexDir(model.info().id()),
        new VectorSpace(model.info().id(), model.dimension()),
        VectorFormat.FLOAT32);
  }

  /** One ingest run of {@link #photos} into {@code index}: default options, no listener. */
  IngestReport ingest(VectorIndex index) throws IOException {
    return new IngestJob(
            model,
            index,
            IndexReads.backend(index),
            new ThumbnailStore(layout.thumbsDir()),
            List.of(photos),
            IngestOptions.defaults(),
            p -> {})
        .run();
  }

  /** {@link #ingest(VectorIndex)} into the index, opened for the run and closed after it. */
  IngestReport ingestOnce() throws IOException {
    try (VectorIndex index = openIndex()) {
      return ingest(index);
    }
  }
}
