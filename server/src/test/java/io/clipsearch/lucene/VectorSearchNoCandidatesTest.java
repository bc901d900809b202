package io.clipsearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.IndexFields;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Lucene's full-precision re-scorer fails on an empty candidate set; an empty index or a filter
 * nothing passes must give no results, not an error, on every format.
 */
class VectorSearchNoCandidatesTest {

  static final VectorSpace SPACE = new VectorSpace("m@1", 4);

  @ParameterizedTest
  @EnumSource(VectorFormat.class)
  void anEmptyIndexGivesNoResults(VectorFormat format, @TempDir Path dir) throws Exception {
    try (VectorIndex index = VectorIndex.open(dir, SPACE, format)) {
      List<ScoredDoc> hits =
          index.search(
              s -> new VectorSearch(format, 3).search(s, new float[] {1, 0, 0, 0}, 10, null));
      assertEquals(List.of(), hits);
    }
  }

  @ParameterizedTest
  @EnumSource(VectorFormat.class)
  void aFilterNothingPassesGivesNoResults(VectorFormat format, @TempDir Path dir) throws Exception {
    try (VectorIndex index = VectorIndex.open(dir.resolve("i"), SPACE, format)) {
      index.upsert(
          new ImageDoc(
              dir.resolve("a.jpg"),
              "a",
              1,
              1,
              10,
              10,
              PhotoMetadata.NONE,
              new float[] {1, 0, 0, 0}));
      index.refresh();
      TermQuery nowhere = new TermQuery(new Term(IndexFields.FOLDER_TREE, "/no/such/folder"));
      List<ScoredDoc> hits =
          index.search(
              s -> new VectorSearch(format, 3).search(s, new float[] {1, 0, 0, 0}, 10, nowhere));
      assertEquals(List.of(), hits);
    }
  }
}
