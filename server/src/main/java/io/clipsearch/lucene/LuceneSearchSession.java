package io.clipsearch.lucene;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.ImageFacts;
import io.clipsearch.index.IndexFields;
import io.clipsearch.search.Modality;
import io.clipsearch.search.ScoredImage;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchSession;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.VectorUtil;

/**
 * One search's queries on one held searcher of a {@link VectorIndex} ({@link
 * VectorIndex.Snapshot}): every query sees the same documents, and the page's documents are read
 * from stored fields only, never their vectors. Results carry paths, so they stay valid after
 * {@link #close()} releases the searcher. Not thread-safe: one search, one thread.
 */
final class LuceneSearchSession implements SearchSession {

  private static final Set<String> KEY_FIELDS = Set.of(IndexFields.PATH);

  private final VectorIndex.Snapshot snapshot;
  private final IndexSearcher searcher;
  private final VectorSearch vectorSearch;
  private final TextSearch textSearch;

  /** Stored fields of the held searcher, opened on first use: one reader for the whole search. */
  private StoredFields stored;

  LuceneSearchSession(
      VectorIndex.Snapshot snapshot, VectorSearch vectorSearch, TextSearch textSearch) {
    this.snapshot = snapshot;
    this.searcher = snapshot.searcher();
    this.vectorSearch = vectorSearch;
    this.textSearch = textSearch;
  }

  @Override
  public List<ScoredImage> nearest(float[] query, int k, SearchFilters filters, Modality modality)
      throws IOException {
    Query filter = FilterQueries.toQuery(filters);
    List<ScoredImage> out = new ArrayList<>();
    for (ScoredDoc d : vectorSearch.search(searcher, query, k, filter, modality)) {
      out.add(new ScoredImage(path(d.doc()), d.score(), d.score(), date(d.doc())));
    }
    return out;
  }

  @Override
  public List<ScoredImage> keywords(String text, float[] query, int n, SearchFilters filters)
      throws IOException {
    Query filter = FilterQueries.toQuery(filters);
    List<ScoredImage> out = new ArrayList<>();
    for (ScoredDoc d : textSearch.search(searcher, text, n, filter)) {
      double cosine =
          VectorUtil.dotProduct(query, StoredVectors.read(searcher.getIndexReader(), d.doc()));
      out.add(new ScoredImage(path(d.doc()), d.score(), cosine, date(d.doc())));
    }
    return out;
  }

  /** An evenly strided sample over the vectors of all segments, in index order. */
  @Override
  public double[] backgroundScores(float[] query, int n) throws IOException {
    long total = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
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
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
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
  }

  @Override
  public List<ImageFacts> facts(List<Path> paths) throws IOException {
    List<ImageFacts> out = new ArrayList<>(paths.size());
    for (Path p : paths) {
      TopDocs top = searcher.search(new TermQuery(new Term(IndexFields.PATH, p.toString())), 1);
      if (top.scoreDocs.length > 0) {
        out.add(ImageDocuments.facts(storedFields().document(top.scoreDocs[0].doc)));
      }
    }
    return out;
  }

  @Override
  public Optional<ImageDoc> findById(String id) throws IOException {
    return VectorIndex.findById(searcher, id);
  }

  @Override
  public Set<String> idsWithPrefix(String prefix, int max) throws IOException {
    return VectorIndex.idsWithPrefix(searcher, prefix, max);
  }

  @Override
  public void close() throws IOException {
    snapshot.close();
  }

  /** From the path's doc values; from the stored path for documents written before them. */
  private Path path(int doc) throws IOException {
    LeafReaderContext leaf = leaf(doc);
    SortedDocValues paths = leaf.reader().getSortedDocValues(ImageDocuments.PATH_VALUES);
    if (paths != null && paths.advanceExact(doc - leaf.docBase)) {
      return Path.of(paths.lookupOrd(paths.ordValue()).utf8ToString());
    }
    return Path.of(storedFields().document(doc, KEY_FIELDS).get(IndexFields.PATH));
  }

  private StoredFields storedFields() throws IOException {
    if (stored == null) {
      stored = searcher.storedFields();
    }
    return stored;
  }

  private LeafReaderContext leaf(int doc) {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    return leaves.get(ReaderUtil.subIndex(doc, leaves));
  }

  private long date(int doc) throws IOException {
    LeafReaderContext leaf = leaf(doc);
    NumericDocValues values = DocValues.getNumeric(leaf.reader(), IndexFields.DATE);
    return values.advanceExact(doc - leaf.docBase) ? values.longValue() : Long.MIN_VALUE;
  }
}
