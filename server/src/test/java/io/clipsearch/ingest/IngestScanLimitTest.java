package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.collection.ThumbnailStore;
import io.clipsearch.lucene.IndexReads;
import io.clipsearch.lucene.VectorIndex;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run stops with a clear error at {@link IngestOptions#maxFiles()}, keeping what it indexed
 * before the limit and deleting nothing; a later run with room goes on from there.
 */
class IngestScanLimitTest extends TinyModelIngestTestBase {

  @Override
  int photoCount() {
    return 6;
  }

  @Test
  void aScanFindingMoreFilesThanTheLimitStopsThereAndKeepsWhatItIndexed() throws IOException {
    try (VectorIndex index = openIndex()) {
      IngestJob job =
          new IngestJob(
              model,
              index,
              IndexReads.backend(index),
              new ThumbnailStore(layout.thumbsDir()),
              List.of(photos),
              IngestOptions.defaults().withMaxFiles(5),
              p -> {});
      IOException e = assertThrows(IOException.class, job::run);
      assertTrue(e.getMessage().contains("more than 5 image files"), e.getMessage());
      index.refresh();
      assertTrue(index.count() <= 5, "only files found within the limit: " + index.count());

      new IngestJob(
              model,
              index,
              IndexReads.backend(index),
              new ThumbnailStore(layout.thumbsDir()),
              List.of(photos),
              IngestOptions.defaults().withMaxFiles(6),
              p -> {})
          .run();
      index.refresh();
      assertEquals(6, index.count());
    }
  }
}
