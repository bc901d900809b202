package io.clipsearch.lucene;

import io.clipsearch.index.FactsPage;
import io.clipsearch.index.FileState;
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
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

/**
 * Every read of a {@link VectorIndex}, on one held searcher ({@link VectorIndex.Snapshot}): every
 * query sees the same documents. Ranked results carry their path and their doc id in this searcher,
 * so the page's documents are read by doc id from stored fields only, never looked up again and
 * never with their vectors; the paths keep results valid after {@link #close()} releases the
 * searcher. Not thread-safe: one session, one thread.
 */
final class LuceneSearchSession implements SearchSession {

  private static final Set<String> KEY_FIELDS = Set.of(IndexFields.PATH);
  private static final Set<String> ID_FIELDS = Set.of(IndexFields.ID);
  private static final Set<String> FILE_STATE_FIELDS =
      Set.of(
          IndexFields.PATH,
          IndexFields.ID,
          IndexFields.SIZE,
          IndexFields.MTIME,
          IndexFields.SIDECAR_MTIME);

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
      out.add(new ScoredImage(path(d.doc()), d.score(), d.score(), date(d.doc()), d.doc()));
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
      out.add(new ScoredImage(path(d.doc()), d.score(), cosine, date(d.doc()), d.doc()));
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

  /** By the hits' doc ids in the held searcher: no look-up by path. */
  @Override
  public List<ImageFacts> facts(List<ScoredImage> hits) throws IOException {
    List<ImageFacts> out = new ArrayList<>(hits.size());
    for (ScoredImage hit : hits) {
      out.add(ImageDocuments.facts(storedFields().document(hit.doc())));
    }
    return out;
  }

  @Override
  public Optional<ImageDoc> findById(String id) throws IOException {
    return first(new TermQuery(new Term(IndexFields.ID, id)));
  }

  /** Through the id terms: as fast as an exact look-up. */
  @Override
  public Set<String> idsWithPrefix(String prefix, int max) throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    TopDocs top =
        searcher.search(new PrefixQuery(new Term(IndexFields.ID, prefix)), Math.max(max, 1) * 16);
    for (ScoreDoc sd : top.scoreDocs) {
      if (ids.size() < max) {
        ids.add(storedFields().document(sd.doc, ID_FIELDS).get(IndexFields.ID));
      }
    }
    return ids;
  }

  @Override
  public Optional<ImageDoc> findByPath(Path path) throws IOException {
    return first(new TermQuery(new Term(IndexFields.PATH, path.toString())));
  }

  /**
   * One query for the whole chunk ({@link TermInSetQuery} on the path), four stored fields each.
   */
  @Override
  public Map<Path, FileState> fileStatesOf(List<Path> paths) throws IOException {
    if (paths.isEmpty()) {
      return Map.of();
    }
    Query query =
        new TermInSetQuery(
            IndexFields.PATH, paths.stream().map(p -> new BytesRef(p.toString())).toList());
    Map<Path, FileState> states = new HashMap<>();
    for (ScoreDoc sd : searcher.search(query, paths.size()).scoreDocs) {
      FileState state = fileState(storedFields().document(sd.doc, FILE_STATE_FIELDS));
      states.put(state.path(), state);
    }
    return states;
  }

  @Override
  public List<FileState> fileStates(Path root) throws IOException {
    Query query = new TermQuery(new Term(IndexFields.FOLDER_TREE, root.toString()));
    TopDocs all = searcher.search(query, Math.max(1, searcher.count(query)));
    List<FileState> states = new ArrayList<>(all.scoreDocs.length);
    for (ScoreDoc sd : all.scoreDocs) {
      states.add(fileState(storedFields().document(sd.doc, FILE_STATE_FIELDS)));
    }
    return states;
  }

  /** Every live document of the held searcher, one at a time. */
  @Override
  public void forEach(DocumentVisitor visitor) throws IOException {
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      for (int i = 0; i < leaf.reader().maxDoc(); i++) {
        if (live == null || live.get(i)) {
          visitor.visit(VectorIndex.load(searcher, leaf.docBase + i));
        }
      }
    }
  }

  /**
   * From the date's doc values over the filters' query ({@link NewestFirst}): reads only the page's
   * documents.
   */
  @Override
  public FactsPage newest(SearchFilters filters, int offset, int limit) throws IOException {
    Query filter = FilterQueries.toQuery(filters);
    return NewestFirst.page(
        searcher, filter == null ? new MatchAllDocsQuery() : filter, offset, limit);
  }

  /** From the terms of the camera key: one document read per camera. */
  @Override
  public Map<String, ImageFacts> cameraExamples() throws IOException {
    Map<String, ImageFacts> byKey = new TreeMap<>();
    Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), IndexFields.CAMERA);
    if (terms == null) {
      return byKey;
    }
    TermsEnum keys = terms.iterator();
    for (BytesRef key = keys.next(); key != null; key = keys.next()) {
      ScoreDoc[] first =
          searcher.search(new TermQuery(new Term(IndexFields.CAMERA, BytesRef.deepCopyOf(key))), 1)
              .scoreDocs;
      if (first.length > 0) { // a key left only by deleted documents has none
        byKey.put(key.utf8ToString(), ImageDocuments.facts(storedFields().document(first[0].doc)));
      }
    }
    return byKey;
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

  private Optional<ImageDoc> first(Query query) throws IOException {
    TopDocs top = searcher.search(query, 1);
    if (top.scoreDocs.length == 0) {
      return Optional.empty();
    }
    return Optional.of(VectorIndex.load(searcher, top.scoreDocs[0].doc));
  }

  private static FileState fileState(Document d) {
    return new FileState(
        Path.of(d.get(IndexFields.PATH)),
        d.get(IndexFields.ID),
        d.getField(IndexFields.SIZE).numericValue().longValue(),
        d.getField(IndexFields.MTIME).numericValue().longValue(),
        ImageDocuments.sidecarMtime(d));
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
