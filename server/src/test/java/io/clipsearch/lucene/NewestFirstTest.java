package io.clipsearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.index.FactsPage;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.ImageFacts;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.index.VectorFormat;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lucene's newest-first listing gives exactly the pages of the engine-neutral order. */
class NewestFirstTest {

  @Test
  void pagesFromDocValuesEqualTheFullSortIncludingRunsOfEqualDates(@TempDir Path dir)
      throws Exception {
    Random random = new Random(7);
    try (VectorIndex index =
        VectorIndex.open(dir.resolve("index"), VectorIndexTest.SPACE, VectorFormat.INT8)) {
      for (int i = 0; i < 300; i++) {
        // 12 distinct dates: long runs of ties that page boundaries cut through; every third
        // photo dated by EXIF, the rest by mtime (the listing's date is taken, else modified)
        long date = 1_700_000_000_000L + random.nextInt(12) * 86_400_000L;
        PhotoMetadata exif =
            i % 3 == 0
                ? new PhotoMetadata(
                    Optional.of(Instant.ofEpochMilli(date)),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    1)
                : PhotoMetadata.NONE;
        long mtime = i % 3 == 0 ? date + 5_000_000_000L : date;
        index.upsert(
            new ImageDoc(
                Path.of("/photos/p" + random.nextInt(1_000_000) + "-" + i + ".jpg"),
                "id" + i,
                1000,
                mtime,
                640,
                480,
                exif,
                new float[] {1, random.nextFloat(), 0}));
      }
      index.commit();
      index.refresh();
      List<ImageFacts> expected = new ArrayList<>();
      IndexReads.forEach(index, d -> expected.add(d.facts()));
      expected.sort(FactsPage.NEWEST_FIRST);
      assertEquals(300, expected.size());

      for (int[] page :
          new int[][] {
            {0, 50}, {7, 13}, {50, 50}, {290, 50}, {299, 1}, {300, 10}, {0, 300}, {400, 5}, {20, 0}
          }) {
        FactsPage got = IndexReads.newest(index, page[0], page[1]);
        int from = Math.min(page[0], 300);
        assertEquals(
            expected.subList(from, Math.min(300, from + page[1])),
            got.facts(),
            "offset " + page[0] + ", limit " + page[1]);
        assertEquals(300, got.total());
      }
    }
  }
}
