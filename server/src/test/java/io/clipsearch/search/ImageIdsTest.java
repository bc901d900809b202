package io.clipsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.lucene.LuceneSearchBackend;
import io.clipsearch.lucene.VectorIndex;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code like:} ids by unique prefix, on a real index. */
class ImageIdsTest {

  @Test
  void fullIdsAndUniquePrefixesOfEightOrMoreResolve(@TempDir Path dir) throws Exception {
    try (VectorIndex index =
        VectorIndex.open(
            dir, new VectorSpace("keywords", KeywordEmbedder.DIM), VectorFormat.FLOAT32)) {
      index.upsert(
          HybridSearchTest.doc(
              "/p/a.jpg",
              "3fa9c0de11112222",
              10,
              10,
              PhotoMetadata.NONE,
              KeywordEmbedder.axis("beach")));
      index.upsert(
          HybridSearchTest.doc(
              "/p/b.jpg",
              "3fa9c0de99990000",
              10,
              10,
              PhotoMetadata.NONE,
              KeywordEmbedder.axis("snow")));
      index.refresh();

      try (SearchSession session = new LuceneSearchBackend(index, 1).session()) {
        resolvesIdsAndPrefixes(session);
      }

      HybridSearch service =
          new HybridSearch(
              new LuceneSearchBackend(index, SearchSettings.DEFAULTS.oversample()),
              new KeywordEmbedder(),
              SearchSettings.DEFAULTS);
      SearchResponse like =
          service.search(SearchRequest.of("like:3fa9c0de1111").withCutoff(null, false));
      assertEquals("3fa9c0de11112222", like.hits().getFirst().id());
    }
  }

  private static void resolvesIdsAndPrefixes(SearchSession index) throws Exception {
    assertEquals(Path.of("/p/a.jpg"), ImageIds.resolve(index, "3fa9c0de11112222").path());
    assertEquals(Path.of("/p/a.jpg"), ImageIds.resolve(index, "3fa9c0de1111").path());
    assertEquals(Path.of("/p/b.jpg"), ImageIds.resolve(index, "3fa9c0de9").path());
    IllegalArgumentException ambiguous =
        assertThrows(IllegalArgumentException.class, () -> ImageIds.resolve(index, "3fa9c0de"));
    assertTrue(ambiguous.getMessage().contains("ambiguous"), ambiguous.getMessage());
    assertThrows(UnknownImageException.class, () -> ImageIds.resolve(index, "3fa9c0"));
    assertThrows(UnknownImageException.class, () -> ImageIds.resolve(index, "ffffffffffff"));
  }
}
