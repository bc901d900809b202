package io.clipsearch.bench;

import io.clipsearch.bench.BenchInputs.QuerySet;
import io.clipsearch.index.IndexFields;
import io.clipsearch.model.ClipModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;

/**
 * {@link BenchInputs} from a collection's index: every image vector it stores (read-only, through a
 * point-in-time reader, so a running ingest is not disturbed), the collection's model's text
 * embeddings of given texts ("text": the cross-modal workload), and every 50th stored vector as an
 * image-to-image query set ("image"). Exact neighbours by brute force.
 */
public final class CollectionInputs {

  static final int IMAGE_QUERY_STRIDE = 50;
  static final int MAX_IMAGE_QUERIES = 200;

  private CollectionInputs() {}

  /**
   * @param indexDir the collection's index for {@code model}
   * @param texts text queries
   * @throws IOException if the index cannot be read
   * @throws IllegalArgumentException if it holds no vectors of the model's dimension
   */
  public static BenchInputs load(
      Path indexDir, ClipModel model, List<String> texts, int maxK, int threads)
      throws IOException {
    float[][] data = vectors(indexDir);
    if (data.length == 0 || data[0].length != model.dimension()) {
      throw new IllegalArgumentException(
          indexDir
              + " holds "
              + data.length
              + " vectors"
              + (data.length == 0 ? "" : " of dimension " + data[0].length)
              + "; the model's are "
              + model.dimension());
    }
    float[][] textQueries =
        CosineRows.normalize(model.embedTexts(texts).toArray(float[][]::new), "text queries");
    List<float[]> images = new ArrayList<>();
    for (int i = 0; i < data.length && images.size() < MAX_IMAGE_QUERIES; i += IMAGE_QUERY_STRIDE) {
      images.add(data[i].clone());
    }
    List<QuerySet> sets =
        List.of(
            SyntheticInputs.withTruth("text", textQueries, data, maxK, threads),
            SyntheticInputs.withTruth(
                "image", images.toArray(float[][]::new), data, maxK, threads));
    return new BenchInputs(
        String.format(
            Locale.ROOT,
            "%s: %,d image vectors of %s, dim %d",
            indexDir,
            data.length,
            model.info().id(),
            data[0].length),
        "bench-" + model.info().id(),
        data,
        sets);
  }

  /** Queries from a text file: one per line, the first tab-separated column; '#' lines skipped. */
  public static List<String> readTexts(Path file) throws IOException {
    List<String> texts =
        Files.readAllLines(file).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .map(l -> l.split("\t", 2)[0].strip())
            .filter(t -> !t.isEmpty())
            .toList();
    if (texts.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no query texts");
    }
    return texts;
  }

  private static float[][] vectors(Path indexDir) throws IOException {
    if (!Files.isDirectory(indexDir)) {
      throw new IOException(
          indexDir + ": no index there (index the collection with this model first)");
    }
    List<float[]> out = new ArrayList<>();
    try (FSDirectory dir = FSDirectory.open(indexDir);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
        if (values == null) {
          continue;
        }
        var live = leaf.reader().getLiveDocs();
        KnnVectorValues.DocIndexIterator it = values.iterator();
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
          if (live == null || live.get(doc)) {
            out.add(values.vectorValue(it.index()).clone());
          }
        }
      }
    }
    return out.toArray(float[][]::new);
  }
}
