package io.clipsearch.app.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.api.types.IngestStatus;
import org.junit.jupiter.api.Test;

class IndexProgressTest {

  @Test
  void describesEachPhase() {
    IngestStatus indexing = new IngestStatus("INDEXING", 120, 480, 100, 20, 0, 0, 0, 2, 12.5, 29.0);
    assertEquals(25, IndexProgress.percent(indexing));
    assertEquals(
        "Indexing 120 of 480 files · 12.5 files/s · about 29 s left · 2 errors",
        IndexProgress.describe(indexing));
    IngestStatus scanning = new IngestStatus("SCANNING", 40, 0, 0, 0, 0, 0, 0, 0, 0, null);
    assertEquals(-1, IndexProgress.percent(scanning));
    assertEquals("Scanning folders… 40 files found", IndexProgress.describe(scanning));
    IngestStatus done = new IngestStatus("DONE", 480, 480, 470, 10, 1, 0, 0, 1, 20, null);
    assertEquals(100, IndexProgress.percent(done));
    assertEquals(
        "Done: 470 new, 10 unchanged · 1 moved, 0 removed · 1 error", IndexProgress.describe(done));
    assertEquals("2 min 5 s", IndexProgress.duration(125));
  }

  @Test
  void aCancelledJobShowsHowFarItGotNotAFullBar() {
    IngestStatus cancelled = new IngestStatus("CANCELLED", 310, 1500, 300, 10, 0, 0, 0, 0, 9, null);
    assertEquals(21, IndexProgress.percent(cancelled));
  }

  @Test
  void noEtaFromTheFirstFilesWhichPayForTheModelsWarmUp() {
    IngestStatus early = new IngestStatus("INDEXING", 4, 1500, 4, 0, 0, 0, 0, 0, 0.8, 1870.0);
    assertEquals(
        "Indexing 4 of 1500 files · 0.8 files/s · estimating the time left…",
        IndexProgress.describe(early));
  }
}
