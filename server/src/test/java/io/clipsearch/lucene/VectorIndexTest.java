package io.clipsearch.lucene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.index.FileState;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.IndexFields;
import io.clipsearch.index.IndexMismatchException;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.index.XmpTags;
import io.clipsearch.search.SearchFilters;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index core on tiny hand-built indexes of 3-d unit vectors. */
class VectorIndexTest {

  static final VectorSpace SPACE = new VectorSpace("test-model@abc", 3);

  static ImageDoc doc(Path path, String id, float... v) {
    return new ImageDoc(path, id, 1000, 1_700_000_000_000L, 640, 480, PhotoMetadata.NONE, v);
  }

  @Test
  void storesAndFindsDocuments(@TempDir Path dir) throws Exception {
    Path photo = dir.resolve("photos/2024/IMG_2041.jpg");
    PhotoMetadata exif =
        new PhotoMetadata(
            Optional.of(Instant.parse("2024-06-01T18:30:00Z")),
            Optional.of("Canon"),
            Optional.of("Canon EOS R5"),
            Optional.of("RF24-105mm"),
            Optional.of(48.85),
            Optional.of(2.35),
            6);
    ImageDoc original =
        new ImageDoc(
            photo, "sha-1", 5_000_000, 1_717_000_000_000L, 4000, 6000, exif, new float[] {1, 0, 0});
    try (VectorIndex index = VectorIndex.open(dir.resolve("index"), SPACE, VectorFormat.FLOAT32)) {
      index.upsert(original);
      index.refresh();
      assertEquals(Optional.of(original), IndexReads.findByPath(index, photo));
      assertEquals(Optional.of(original), IndexReads.findById(index, "sha-1"));
      assertEquals(Optional.empty(), IndexReads.findById(index, "nope"));
      assertEquals(1, index.count());
    }
  }

  @Test
  void xmpTagsAndTheSidecarMtimeAreStoredAndFiltered(@TempDir Path dir) throws Exception {
    Path rated = dir.resolve("photos/IMG_1.CR2");
    Path rejected = dir.resolve("photos/IMG_2.CR2");
    ImageDoc five =
        new ImageDoc(
            rated,
            "sha-1",
            1000,
            1_700_000_000_000L,
            640,
            480,
            PhotoMetadata.NONE.withXmp(
                new XmpTags(5, "red", List.of("osprey", "Lake"), "At sunset", "Fishing")),
            new float[] {1, 0, 0},
            List.of("bird"),
            1_700_000_000_456L);
    ImageDoc reject =
        new ImageDoc(
            rejected,
            "sha-2",
            1000,
            1_700_000_000_000L,
            640,
            480,
            PhotoMetadata.NONE.withXmp(new XmpTags(-1, null, List.of(), null, null)),
            new float[] {0, 1, 0});
    try (VectorIndex index = VectorIndex.open(dir.resolve("index"), SPACE, VectorFormat.FLOAT32)) {
      index.upsert(five);
      index.upsert(reject);
      index.refresh();
      assertEquals(Optional.of(five), IndexReads.findByPath(index, rated));
      assertEquals(Optional.of(reject), IndexReads.findByPath(index, rejected));
      try (var session = IndexReads.backend(index).session()) {
        assertEquals(
            new FileState(rated, "sha-1", 1000, 1_700_000_000_000L, 1_700_000_000_456L),
            session.fileStatesOf(List.of(rated)).get(rated));
        assertEquals(0, session.fileStatesOf(List.of(rejected)).get(rejected).sidecarMtimeMillis());
      }
      SearchFilters hide = SearchFilters.NONE.hidingRejected(true);
      assertEquals(1, count(index, FilterQueries.toQuery(hide)));
      assertEquals(
          1,
          count(
              index,
              FilterQueries.toQuery(
                  new SearchFilters(null, null, null, null, null, null, 4, 5, "RED", false))));
      assertEquals(
          0,
          count(
              index,
              FilterQueries.toQuery(
                  new SearchFilters(
                      null, null, null, null, null, null, null, null, "blue", false))));
      assertEquals(
          1,
          count(
              index,
              FilterQueries.toQuery(
                  new SearchFilters(null, null, null, null, null, null, -1, -1, null, false))));
      // the person's words are in the keyword text
      assertTrue(
          five.keywordText().endsWith(" bird osprey Lake At sunset Fishing"), five.keywordText());
    }
  }

  private static int count(VectorIndex index, org.apache.lucene.search.Query q) throws Exception {
    return index.search(s -> s.count(q));
  }

  @Test
  void writingAPathAgainReplacesItsDocument(@TempDir Path dir) throws Exception {
    Path photo = dir.resolve("a.jpg");
    try (VectorIndex index = VectorIndex.open(dir.resolve("index"), SPACE, VectorFormat.FLOAT32)) {
      index.upsert(doc(photo, "v1", 1, 0, 0));
      index.upsert(doc(photo, "v2", 0, 1, 0));
      index.refresh();
      assertEquals(1, index.count());
      assertEquals("v2", IndexReads.findByPath(index, photo).orElseThrow().id());
      index.delete(photo);
      index.refresh();
      assertEquals(0, index.count());
    }
  }

  @Test
  void onlyCommittedWritesSurviveAndTheSpaceIsChecked(@TempDir Path dir) throws Exception {
    Path indexDir = dir.resolve("index");
    try (VectorIndex index = VectorIndex.open(indexDir, SPACE, VectorFormat.INT8)) {
      index.upsert(doc(dir.resolve("a.jpg"), "a", 1, 0, 0));
    } // close commits
    try (VectorIndex index = VectorIndex.open(indexDir, SPACE, VectorFormat.INT8)) {
      assertEquals(1, index.count());
    }
    IndexMismatchException e =
        assertThrows(
            IndexMismatchException.class,
            () ->
                VectorIndex.open(
                    indexDir, new VectorSpace("other-model@def", 3), VectorFormat.INT8));
    assertEquals(
        "the index at "
            + indexDir
            + " was built with model test-model@abc (dimension 3),"
            + " not other-model@def (dimension 3): its vectors cannot be compared; use that model, or"
            + " index into a new folder",
        e.getMessage());
  }

  @Test
  void aVectorOfTheWrongDimensionIsRefused(@TempDir Path dir) throws Exception {
    try (VectorIndex index = VectorIndex.open(dir, SPACE, VectorFormat.FLOAT32)) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> index.upsert(doc(dir.resolve("x.jpg"), "x", 1, 0, 0, 0)));
      assertTrue(e.getMessage().contains("has dimension 4, the index takes 3"), e.getMessage());
    }
  }

  @Test
  void fileStatesCoverAFolderAndBelow(@TempDir Path dir) throws Exception {
    try (VectorIndex index = VectorIndex.open(dir.resolve("index"), SPACE, VectorFormat.FLOAT32)) {
      index.upsert(doc(dir.resolve("lib/a.jpg"), "a", 1, 0, 0));
      index.upsert(doc(dir.resolve("lib/sub/b.jpg"), "b", 0, 1, 0));
      index.upsert(doc(dir.resolve("other/c.jpg"), "c", 0, 0, 1));
      index.refresh();
      List<FileState> states = IndexReads.fileStates(index, dir.resolve("lib"));
      assertEquals(2, states.size());
      assertTrue(
          states.contains(
              new FileState(dir.resolve("lib/sub/b.jpg"), "b", 1000, 1_700_000_000_000L)));
    }
  }

  @Test
  void int4NeedsAnEvenDimension(@TempDir Path dir) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> VectorIndex.open(dir, SPACE, VectorFormat.INT4));
    assertEquals(
        "vector format INT4 packs two dimensions per byte and needs an even dimension, got 3",
        e.getMessage());
  }

  @Test
  void quantizedFormatsKeepFullPrecisionVectorsAndFilteredKnnWorks(@TempDir Path dir)
      throws Exception {
    VectorSpace space4 = new VectorSpace("test-model@abc", 4);
    for (VectorFormat format : VectorFormat.values()) {
      try (VectorIndex index = VectorIndex.open(dir.resolve(format.name()), space4, format)) {
        float s = (float) Math.sqrt(0.5);
        index.upsert(doc(dir.resolve("x/near.jpg"), "near", s, s, 0, 0));
        index.upsert(doc(dir.resolve("y/exact.jpg"), "exact", 1, 0, 0, 0));
        index.upsert(doc(dir.resolve("x/far.jpg"), "far", 0, 0, 1, 0));
        index.refresh();
        assertArrayEquals(
            new float[] {s, s, 0, 0},
            IndexReads.findById(index, "near").orElseThrow().vector(),
            0f);
        TopDocs top =
            index.search(
                searcher ->
                    searcher.search(
                        new KnnFloatVectorQuery(
                            IndexFields.VECTOR,
                            new float[] {1, 0, 0, 0},
                            3,
                            new TermQuery(
                                new Term(IndexFields.FOLDER_TREE, dir.resolve("x").toString()))),
                        3));
        assertEquals(2, top.scoreDocs.length, format.name());
        String best =
            index.search(searcher -> VectorIndex.load(searcher, top.scoreDocs[0].doc).id());
        assertEquals("near", best, format.name());
      }
    }
  }
}
