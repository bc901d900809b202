package io.clipsearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fragmented index is merged in the background, durably, and searches see every document. */
class BackgroundMergeTest {

  private static final VectorSpace SPACE = new VectorSpace("merge-test", 8);

  @Test
  void mergesAFragmentedIndexDurablyAndLeavesAMergedOneAlone(@TempDir Path dir) throws Exception {
    try (VectorIndex index = VectorIndex.open(dir, SPACE, VectorFormat.INT8)) {
      for (int batch = 0; batch < 3; batch++) { // one flushed segment per commit
        add(index, batch * 40, 40);
        index.commit();
      }
      index.refresh();
      assertEquals(3, index.segmentCount());

      assertFalse(index.mergeInBackground(3).get(30, TimeUnit.SECONDS), "not above the limit");
      assertTrue(index.mergeInBackground(2).get(30, TimeUnit.SECONDS));
      assertEquals(VectorIndex.MERGED_SEGMENTS, index.segmentCount(), "refreshed once merged");
      assertEquals(120, index.count());
      assertFalse(index.mergeInBackground(2).get(30, TimeUnit.SECONDS), "already merged");
      assertFalse(index.mergeInBackground().get(30, TimeUnit.SECONDS), "the default limit");
    }
    try (VectorIndex reopened = VectorIndex.open(dir, SPACE, VectorFormat.INT8)) {
      assertEquals(1, reopened.segmentCount(), "the merge was committed");
      float[] axis = new float[SPACE.dimension()];
      axis[0] = 1;
      try (SearchSession session = new LuceneSearchBackend(reopened, 4).session()) {
        assertEquals(120, session.nearest(axis, 200, SearchFilters.NONE).size());
      }
    }
  }

  @Test
  void closingCommitsWritesMadeWhileAMergeRan(@TempDir Path dir) throws Exception {
    try (VectorIndex index = VectorIndex.open(dir, SPACE, VectorFormat.INT8)) {
      for (int batch = 0; batch < 3; batch++) {
        add(index, batch * 40, 40);
        index.commit();
      }
      index.refresh();
      index.mergeInBackground(1);
      add(index, 1000, 5); // not committed: close() commits it, whether or not the merge is done
    }
    try (VectorIndex reopened = VectorIndex.open(dir, SPACE, VectorFormat.INT8)) {
      assertEquals(125, reopened.count());
    }
  }

  @Test
  void aClosedIndexIsNotMerged(@TempDir Path dir) throws Exception {
    VectorIndex index = VectorIndex.open(dir, SPACE, VectorFormat.INT8);
    add(index, 0, 10);
    index.close();
    assertFalse(index.mergeInBackground(0).get(30, TimeUnit.SECONDS), "no merge, and no exception");
  }

  private static void add(VectorIndex index, int first, int n) throws IOException {
    for (int i = first; i < first + n; i++) {
      float[] v = new float[SPACE.dimension()];
      v[i % v.length] = 1;
      v[(i + 1) % v.length] = 0.5f + (i % 7) / 10f;
      float norm = (float) Math.sqrt(1 + v[(i + 1) % v.length] * v[(i + 1) % v.length]);
      for (int d = 0; d < v.length; d++) {
        v[d] /= norm;
      }
      index.upsert(
          new ImageDoc(
              Path.of("/photos/" + i + ".jpg"),
              "id" + i,
              1000,
              1_700_000_000_000L + i,
              640,
              480,
              PhotoMetadata.NONE,
              v));
    }
  }
}
