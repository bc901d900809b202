package io.clipsearch.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.model.Vectors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.DoubleStream;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only the given candidates are re-scored, by their float32 vectors, across segments. */
class FullPrecisionRescorerTest {

  private static final int DIM = 16;

  @Test
  void keepsTheExactBestOfTheGivenCandidatesOnly(@TempDir Path dir) throws Exception {
    Random random = new Random(3);
    List<float[]> vectors = new ArrayList<>();
    try (VectorIndex index = VectorIndex.open(dir, new VectorSpace("rescore", DIM), VectorFormat.INT8)) {
      for (int i = 0; i < 60; i++) {
        float[] v = Vectors.unit(DoubleStream.generate(random::nextGaussian).limit(DIM).toArray());
        vectors.add(v);
        index.upsert(new ImageDoc(Path.of("/p/" + i + ".jpg"), "id" + i, 1, 1L, 1, 1, PhotoMetadata.NONE, v));
        if (i == 29) {
          index.commit(); // two segments
        }
      }
      index.commit();
      index.refresh();
      float[] query = vectors.get(0);
      List<ScoredDoc> got = index.search(s -> {
        assertEquals(2, s.getIndexReader().leaves().size());
        // every third document, in no order, with made-up approximate scores; doc 0 is left out
        List<ScoreDoc> candidates = new ArrayList<>();
        for (int doc = 57; doc > 0; doc -= 3) {
          candidates.add(new ScoreDoc(doc, 0.5f));
        }
        return FullPrecisionRescorer.best(s, candidates.toArray(ScoreDoc[]::new), query, 4);
      });
      List<ScoredDoc> expected = new ArrayList<>();
      for (int doc = 57; doc > 0; doc -= 3) { // doc ids follow insertion order here
        expected.add(new ScoredDoc(doc, Vectors.dot(query, vectors.get(doc))));
      }
      expected.sort(Comparator.comparingDouble(ScoredDoc::score).reversed());
      assertEquals(4, got.size());
      for (int i = 0; i < 4; i++) {
        assertEquals(expected.get(i).doc(), got.get(i).doc());
        assertEquals(expected.get(i).score(), got.get(i).score(), 1e-6);
      }
    }
  }
}
