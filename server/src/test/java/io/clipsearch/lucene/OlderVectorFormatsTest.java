package io.clipsearch.lucene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.IndexFields;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.testing.TestFiles;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Indexes written on Lucene 10.3's vector formats (release 308f78a: int8 and int4 in {@code
 * Lucene99HnswScalarQuantizedVectorsFormat}, bbq in {@code
 * Lucene102HnswBinaryQuantizedVectorsFormat}; made by {@code
 * scripts/make-previous-release-collection 308f78a int8 int4 bbq}) open with this version, find
 * each of their images by its own vector, take new documents, and end in the current format once
 * merged.
 */
class OlderVectorFormatsTest {

  private static final String FIXTURE = "/io/clipsearch/cli/previous-release-308f78a/";

  /**
   * The name a segment of the current quantized formats records (Lucene's own, odd as it reads).
   */
  private static final String CURRENT = Lucene104HnswScalarQuantizedVectorsFormat.NAME;

  @TempDir Path tmp;

  @ParameterizedTest
  @EnumSource(
      value = VectorFormat.class,
      names = {"INT8", "INT4", "BBQ"})
  void anOlderIndexIsSearchedExtendedAndMergedIntoTheCurrentFormat(VectorFormat format)
      throws Exception {
    Path dir = copyOfIndex(format);
    Map<String, String> identity =
        SegmentInfos.readLatestCommit(FSDirectory.open(dir)).getUserData();
    VectorSpace space =
        new VectorSpace(
            identity.get(VectorIndex.KEY_MODEL_ID),
            Integer.parseInt(identity.get(VectorIndex.KEY_DIMENSION)));

    try (VectorIndex index = VectorIndex.open(dir, space, format)) {
      List<ImageDoc> before = index.search(OlderVectorFormatsTest::documents);
      assertEquals(3, before.size());
      List<String> oldFormats = index.search(OlderVectorFormatsTest::vectorFormats);
      assertFalse(oldFormats.isEmpty());
      oldFormats.forEach(f -> assertNotEquals(CURRENT, f, "the fixture is in an older format"));
      assertEachFindsItself(index, format, before);

      ImageDoc first = before.get(0);
      index.upsert(
          new ImageDoc(
              first.path().resolveSibling("copy-" + first.path().getFileName()),
              "c0ffee",
              first.size(),
              first.mtimeMillis(),
              first.width(),
              first.height(),
              first.metadata(),
              before.get(1).vector()));
      index.commit();
      index.forceMerge(1);
      index.refresh();

      assertEquals(List.of(CURRENT), index.search(OlderVectorFormatsTest::vectorFormats));
      List<ImageDoc> after = index.search(OlderVectorFormatsTest::documents);
      assertEquals(4, after.size());
      assertEachFindsItself(index, format, after);
    }
  }

  /** The nearest document to each one's vector holds that vector. */
  private static void assertEachFindsItself(
      VectorIndex index, VectorFormat format, List<ImageDoc> docs) throws IOException {
    VectorSearch search = new VectorSearch(format, 4);
    for (ImageDoc doc : docs) {
      List<ScoredDoc> hits = index.search(s -> search.search(s, doc.vector(), docs.size(), null));
      assertEquals(docs.size(), hits.size(), doc.path().toString());
      float[] nearest = index.search(s -> VectorIndex.load(s, hits.get(0).doc()).vector());
      assertArrayEquals(doc.vector(), nearest, 1e-6f, doc.path().toString());
    }
  }

  private static List<ImageDoc> documents(IndexSearcher searcher) throws IOException {
    List<ImageDoc> docs = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      for (int d = 0; d < leaf.reader().maxDoc(); d++) {
        if (live == null || live.get(d)) {
          docs.add(VectorIndex.load(searcher, leaf.docBase + d));
        }
      }
    }
    return docs;
  }

  /** The vector format of each segment, by the name its field records. */
  private static List<String> vectorFormats(IndexSearcher searcher) {
    return searcher.getIndexReader().leaves().stream()
        .map(
            leaf ->
                leaf.reader()
                    .getFieldInfos()
                    .fieldInfo(IndexFields.VECTOR)
                    .getAttribute(PerFieldKnnVectorsFormat.PER_FIELD_FORMAT_KEY))
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }

  private Path copyOfIndex(VectorFormat format) throws IOException, URISyntaxException {
    String name = format.name().toLowerCase(Locale.ROOT);
    Path source =
        Path.of(
            Objects.requireNonNull(
                    getClass().getResource(FIXTURE + name + "/index"), "fixture " + name)
                .toURI());
    Path index;
    try (Stream<Path> models = Files.list(source)) {
      index = models.findFirst().orElseThrow();
    }
    return TestFiles.copyTree(index, tmp.resolve(name));
  }
}
