package io.clipsearch.lucene;

import io.clipsearch.index.IndexFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.VectorUtil;

/**
 * Brute-force nearest neighbours for tests: every vector scored by its dot product with the query
 * (the cosine, for unit vectors). Stateless; thread-safe.
 */
public final class ExactSearch {

  private ExactSearch() {}

  /**
   * The exact {@code k} nearest documents passing {@code filter} (null: all), by scanning every
   * full-precision vector: the ground truth that {@link VectorSearch}'s approximate search is
   * measured against. Cost grows with the collection.
   *
   * @throws IllegalArgumentException if k is not 1..{@link VectorSearch#MAX_K}
   */
  public static List<ScoredDoc> nearest(IndexSearcher searcher, float[] query, int k, Query filter)
      throws IOException {
    if (k < 1 || k > VectorSearch.MAX_K) {
      throw new IllegalArgumentException("k must be 1-" + VectorSearch.MAX_K + ", got " + k);
    }
    Weight filterWeight =
        filter == null
            ? null
            : searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1);
    PriorityQueue<ScoredDoc> best =
        new PriorityQueue<>(Comparator.comparingDouble(ScoredDoc::score));
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
      if (values == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      DocIdSetIterator allowed = null;
      if (filterWeight != null) {
        Scorer scorer = filterWeight.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        allowed = scorer.iterator();
      }
      KnnVectorValues.DocIndexIterator it = values.iterator();
      for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        if (allowed != null) {
          if (allowed.docID() < doc) {
            allowed.advance(doc);
          }
          if (allowed.docID() != doc) {
            continue;
          }
        }
        double score = VectorUtil.dotProduct(query, values.vectorValue(it.index()));
        if (best.size() < k) {
          best.add(new ScoredDoc(leaf.docBase + doc, score));
        } else if (score > best.peek().score()) {
          best.poll();
          best.add(new ScoredDoc(leaf.docBase + doc, score));
        }
      }
    }
    List<ScoredDoc> hits = new ArrayList<>(best);
    hits.sort(Comparator.comparingDouble(ScoredDoc::score).reversed());
    return hits;
  }
}
