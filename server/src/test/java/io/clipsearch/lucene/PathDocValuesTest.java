package io.clipsearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.search.ScoredImage;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchSession;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hits are keyed by the path's doc values, and by the stored path in documents written before them.
 */
class PathDocValuesTest {

  private static ImageDoc doc(String path, float... v) {
    return new ImageDoc(
        Path.of(path), "id-" + path, 1000, 1_700_000_000_000L, 640, 480, PhotoMetadata.NONE, v);
  }

  @Test
  void documentsWithAndWithoutPathDocValuesAreFoundByTheirPaths(@TempDir Path dir)
      throws Exception {
    Path indexDir = dir.resolve("index");
    try (VectorIndex index =
        VectorIndex.open(indexDir, VectorIndexTest.SPACE, VectorFormat.FLOAT32)) {
      index.upsert(doc("/photos/new.jpg", 1, 0, 0));
      index.commit();
    }
    // a document as written before the path doc values existed, in its own segment
    try (Directory d = FSDirectory.open(indexDir);
        IndexWriter writer = new IndexWriter(d, new IndexWriterConfig())) {
      Document old = ImageDocuments.toDocument(doc("/photos/old.jpg", 0, 1, 0));
      old.removeField(ImageDocuments.PATH_VALUES);
      writer.addDocument(old);
      writer.setLiveCommitData(SegmentInfos.readLatestCommit(d).getUserData().entrySet());
      writer.commit();
    }
    try (Directory d = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(d)) {
      assertEquals(2, reader.leaves().size());
      assertNull(
          reader.leaves().get(1).reader().getSortedDocValues(ImageDocuments.PATH_VALUES),
          "the old segment has no path doc values");
    }

    try (VectorIndex index =
            VectorIndex.open(indexDir, VectorIndexTest.SPACE, VectorFormat.FLOAT32);
        SearchSession session = new LuceneSearchBackend(index, 4).session()) {
      Set<Path> found =
          session.nearest(new float[] {1, 1, 0}, 10, SearchFilters.NONE).stream()
              .map(ScoredImage::path)
              .collect(Collectors.toSet());
      assertEquals(Set.of(Path.of("/photos/new.jpg"), Path.of("/photos/old.jpg")), found);
    }
  }
}
