package io.clipsearch.lucene;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.search.SearchSettings;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A correctness check, not a timing: on 20,000 clustered unit vectors, kNN with re-scoring reaches
 * recall@10 >= 0.9 against exact search in every format, with the default over-fetch.
 */
class RescoredRecallTest {

  static final int N = 20_000;
  static final int DIM = 256;
  static final int CLUSTERS = 200;
  static final int QUERIES = 50;
  static final int K = 10;

  @ParameterizedTest
  @EnumSource(VectorFormat.class)
  void recallAtTenVersusExact(VectorFormat format, @TempDir Path dir) throws Exception {
    Random random = new Random(11);
    float[][] centres = new float[CLUSTERS][];
    for (int c = 0; c < CLUSTERS; c++) {
      centres[c] = around(new float[DIM], random, 1.0);
    }
    try (VectorIndex index = VectorIndex.open(dir, new VectorSpace("recall", DIM), format)) {
      for (int i = 0; i < N; i++) {
        index.upsert(
            new ImageDoc(
                Path.of("/r/" + i + ".jpg"),
                "v" + i,
                1,
                1,
                1,
                1,
                PhotoMetadata.NONE,
                around(centres[random.nextInt(CLUSTERS)], random, 1.0)));
      }
      index.refresh();
      VectorSearch search = new VectorSearch(format, SearchSettings.DEFAULTS.oversample());
      double recall = 0;
      for (int q = 0; q < QUERIES; q++) {
        float[] query = around(centres[random.nextInt(CLUSTERS)], random, 1.0);
        Set<Integer> exact = docs(index.search(s -> ExactSearch.nearest(s, query, K, null)));
        Set<Integer> found = docs(index.search(s -> search.search(s, query, K, null)));
        found.retainAll(exact);
        recall += (double) found.size() / K / QUERIES;
      }
      assertTrue(recall >= 0.9, format + " recall@10 " + recall);
    }
  }

  static Set<Integer> docs(List<ScoredDoc> hits) {
    Set<Integer> docs = new HashSet<>();
    hits.forEach(h -> docs.add(h.doc()));
    return docs;
  }

  /** A unit vector: {@code centre} plus Gaussian noise of norm about {@code noise}. */
  static float[] around(float[] centre, Random random, double noise) {
    float[] v = new float[centre.length];
    double n = 0;
    for (int d = 0; d < v.length; d++) {
      v[d] = (float) (centre[d] + random.nextGaussian() * noise / Math.sqrt(v.length));
      n += v[d] * v[d];
    }
    for (int d = 0; d < v.length; d++) {
      v[d] /= (float) Math.sqrt(n);
    }
    return v;
  }
}
