package io.clipsearch.lucene;

import io.clipsearch.index.IndexFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.VectorUtil;

/**
 * Re-scores a quantized graph walk's candidates against the float32 vectors a quantized format
 * keeps, and keeps the best. Unlike Lucene's {@code RescoreTopNQuery}, which re-scores every
 * candidate of the walk, it takes only the candidates it is given, so a walk may keep a wider beam
 * than it pays to re-score (a text query's, {@link VectorSearch#candidates}): each re-scored
 * candidate is a 2 KiB read of a float32 vector. Stateless.
 */
final class FullPrecisionRescorer {

  private FullPrecisionRescorer() {}

  /**
   * The {@code k} best of {@code candidates} by exact cosine to the unit vector {@code query}, best
   * first (ties: lower doc id first). Candidates without a vector are skipped.
   */
  static List<ScoredDoc> best(IndexSearcher searcher, ScoreDoc[] candidates, float[] query, int k)
      throws IOException {
    ScoreDoc[] byDoc = candidates.clone();
    Arrays.sort(byDoc, Comparator.comparingInt(d -> d.doc)); // each leaf's iterator only moves forward
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<ScoredDoc> scored = new ArrayList<>(byDoc.length);
    int leafIndex = -1;
    LeafReaderContext leaf = null;
    FloatVectorValues values = null;
    KnnVectorValues.DocIndexIterator it = null;
    for (ScoreDoc candidate : byDoc) {
      int index = ReaderUtil.subIndex(candidate.doc, leaves);
      if (index != leafIndex) {
        leafIndex = index;
        leaf = leaves.get(index);
        values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
        it = values == null ? null : values.iterator();
      }
      int target = candidate.doc - leaf.docBase;
      if (it == null || (it.docID() < target && it.advance(target) != target) || it.docID() != target) {
        continue;
      }
      scored.add(new ScoredDoc(candidate.doc, VectorUtil.dotProduct(query, values.vectorValue(it.index()))));
    }
    scored.sort(Comparator.comparingDouble(ScoredDoc::score).reversed()
        .thenComparingInt(ScoredDoc::doc));
    return List.copyOf(scored.subList(0, Math.min(k, scored.size())));
  }
}
