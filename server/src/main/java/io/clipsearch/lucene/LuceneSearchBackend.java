package io.clipsearch.lucene;

import io.clipsearch.index.IndexFields;
import io.clipsearch.lucene.StoredVectors;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.search.ScoredImage;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchFilters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.VectorUtil;

/**
 * The embedded {@link SearchBackend}: searches a {@link VectorIndex} in-process. kNN with the
 * filter inside the graph walk and re-scoring of quantized formats ({@link VectorSearch}), BM25
 * over names and tags ({@link TextSearch}), filters as Lucene queries ({@link FilterQueries}).
 * Each call runs on one acquired searcher and returns paths, not doc ids, so results stay valid
 * after the searcher is released. Thread-safe.
 */
public final class LuceneSearchBackend implements SearchBackend {

  private static final Set<String> KEY_FIELDS = Set.of(IndexFields.PATH);

  private final VectorIndex index;
  private final VectorSearch vectorSearch;
  private final TextSearch textSearch = new TextSearch();

  /**
   * @param oversample kNN candidates per result for quantized formats (see {@link VectorSearch})
   */
  public LuceneSearchBackend(VectorIndex index, int oversample) {
    this.index = Objects.requireNonNull(index, "index");
    this.vectorSearch = new VectorSearch(index.format(), oversample);
  }

  @Override
  public VectorIndex index() {
    return index;
  }

  @Override
  public List<ScoredImage> nearest(float[] query, int k, SearchFilters filters) throws IOException {
    Query filter = FilterQueries.toQuery(filters);
    return index.search(s -> {
      List<ScoredImage> out = new ArrayList<>();
      for (ScoredDoc d : vectorSearch.search(s, query, k, filter)) {
        out.add(new ScoredImage(path(s, d.doc()), d.score(), d.score(), date(s, d.doc())));
      }
      return out;
    });
  }

  @Override
  public List<ScoredImage> keywords(String text, float[] query, int n, SearchFilters filters)
      throws IOException {
    Query filter = FilterQueries.toQuery(filters);
    return index.search(s -> {
      List<ScoredImage> out = new ArrayList<>();
      for (ScoredDoc d : textSearch.search(s, text, n, filter)) {
        double cosine = VectorUtil.dotProduct(query, StoredVectors.read(s.getIndexReader(), d.doc()));
        out.add(new ScoredImage(path(s, d.doc()), d.score(), cosine, date(s, d.doc())));
      }
      return out;
    });
  }

  /** An evenly strided sample over the vectors of all segments, in index order. */
  @Override
  public double[] backgroundScores(float[] query, int n) throws IOException {
    return index.search(s -> {
      long total = 0;
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        FloatVectorValues v = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
        total += v == null ? 0 : v.size();
      }
      if (total == 0) {
        return new double[0];
      }
      double stride = Math.max(1.0, (double) total / n);
      double[] scores = new double[(int) Math.min(total, n)];
      int taken = 0;
      long base = 0;
      double next = 0; // global ordinal of the next sampled vector
      for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
        FloatVectorValues v = leaf.reader().getFloatVectorValues(IndexFields.VECTOR);
        if (v == null) {
          continue;
        }
        while (taken < scores.length && (long) next < base + v.size()) {
          scores[taken++] = VectorUtil.dotProduct(query, v.vectorValue((int) ((long) next - base)));
          next += stride;
        }
        base += v.size();
      }
      return Arrays.copyOf(scores, taken);
    });
  }

  private static Path path(IndexSearcher s, int doc) throws IOException {
    return Path.of(s.storedFields().document(doc, KEY_FIELDS).get(IndexFields.PATH));
  }

  private static long date(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    NumericDocValues values = DocValues.getNumeric(leaf.reader(), IndexFields.DATE);
    return values.advanceExact(doc - leaf.docBase) ? values.longValue() : Long.MIN_VALUE;
  }
}
