package io.clipsearch.search;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.IndexFields;
import io.clipsearch.index.StoredVectors;
import io.clipsearch.index.VectorIndex;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageSource;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.VectorUtil;

/**
 * The search façade the REST API and the CLI call: query text and/or image in, a page of ranked,
 * marked results out.
 *
 * <p>One search: parse the query ({@link QueryParser}), build its unit vector ({@link
 * QueryVectorBuilder}), then on one acquired searcher: filtered kNN with exact re-scoring
 * ({@link VectorSearch}), BM25 over names when hybrid ({@link TextSearch}), fused by reciprocal
 * rank ({@link RankFusion}), each hit marked confident against the per-query calibrated threshold
 * ({@link RelevanceCutoff}) or the request's, optionally cut, ordered, paged. It ranks {@code
 * max(offset + limit, minCandidates)} documents, or {@link SearchRequest#MAX_RESULTS} when sorting
 * by date (so the newest confident match is found, not the newest of one page).
 *
 * <p>Thread-safe; holds no per-request state. Does not own the index or the model.
 */
public final class SearchService {

  private final VectorIndex index;
  private final SearchSettings settings;
  private final QueryParser parser = new QueryParser();
  private final QueryVectorBuilder vectors;
  private final VectorSearch vectorSearch;
  private final TextSearch textSearch = new TextSearch();
  private final RankFusion fusion;
  private final RelevanceCutoff cutoff;

  /** @throws IllegalArgumentException if a setting is out of range */
  public SearchService(VectorIndex index, ClipModel model, SearchSettings settings) {
    this.index = Objects.requireNonNull(index, "index");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.vectors = new QueryVectorBuilder(model, id -> index.findById(id).map(ImageDoc::vector));
    this.vectorSearch = new VectorSearch(index.format(), settings.oversample());
    this.fusion = new RankFusion(settings.rrfK());
    this.cutoff = new RelevanceCutoff(settings.cutoffZ(), settings.backgroundSample());
  }

  /**
   * Runs one search.
   *
   * @throws IllegalArgumentException if the query is malformed (the message says where)
   * @throws UnknownImageException if a {@code like:} id is not indexed
   * @throws ImageDecodeException if the uploaded image cannot be decoded
   * @throws IOException if the index cannot be read
   */
  public SearchResponse search(SearchRequest request) throws IOException, ImageDecodeException {
    long start = System.nanoTime();
    Optional<ParsedQuery> parsed = Optional.ofNullable(request.query()).map(parser::parse);
    Optional<ImageSource> upload =
        Optional.ofNullable(request.image()).map(b -> ImageSource.of("uploaded image", b));
    float[] query = vectors.build(parsed, upload);
    Query filter = FilterQueries.toQuery(request.filters());
    String text = request.hybrid() ? parsed.map(ParsedQuery::positiveText).orElse("") : "";
    int depth = request.sort() == SortOrder.RELEVANCE
        ? Math.max(request.offset() + request.limit(), settings.minCandidates())
        : SearchRequest.MAX_RESULTS;

    return index.search(searcher -> {
      List<ScoredDoc> byVector = vectorSearch.search(searcher, query, depth, filter);
      List<ScoredDoc> byName = text.isBlank() ? List.of() : textSearch.search(searcher, text, depth, filter);
      boolean calibrated = request.minScore() == null;
      double threshold = calibrated ? cutoff.threshold(searcher, query) : request.minScore();

      Map<Integer, Double> cosines = new HashMap<>();
      byVector.forEach(h -> cosines.put(h.doc(), h.score()));
      Set<Integer> named = new HashSet<>();
      byName.forEach(h -> named.add(h.doc()));
      List<ScoredDoc> ranked = byName.isEmpty() ? byVector
          : fusion.fuse(List.of(byVector, byName), List.of(settings.vectorWeight(), settings.textWeight()));

      List<Ranked> kept = new ArrayList<>();
      int confident = 0;
      for (ScoredDoc r : ranked) {
        Double cos = cosines.get(r.doc());
        double score = cos != null ? cos
            : VectorUtil.dotProduct(query, StoredVectors.read(searcher.getIndexReader(), r.doc()));
        boolean isConfident = score >= threshold;
        confident += isConfident ? 1 : 0;
        if (isConfident || !request.cutoff() || named.contains(r.doc())) {
          kept.add(new Ranked(r.doc(), score, isConfident, named.contains(r.doc())));
        }
      }
      if (request.sort() != SortOrder.RELEVANCE) {
        Map<Integer, Long> dates = new HashMap<>();
        for (Ranked r : kept) {
          dates.put(r.doc, date(searcher, r.doc));
        }
        Comparator<Ranked> byDate = Comparator.comparingLong(r -> dates.get(r.doc));
        kept.sort(request.sort() == SortOrder.DATE_ASC ? byDate : byDate.reversed());
      }

      List<SearchHit> hits = new ArrayList<>();
      int end = Math.min(kept.size(), request.offset() + request.limit());
      for (Ranked r : kept.subList(Math.min(request.offset(), end), end)) {
        ImageDoc doc = VectorIndex.load(searcher, r.doc);
        hits.add(new SearchHit(doc.id(), doc.path().toString(), r.score, r.confident, r.named,
            doc.size(), doc.width(), doc.height(), Instant.ofEpochMilli(doc.dateMillis())));
      }
      long took = (System.nanoTime() - start) / 1_000_000;
      return new SearchResponse(hits, confident, ranked.size(), threshold, calibrated, took);
    });
  }

  private record Ranked(int doc, double score, boolean confident, boolean named) {}

  private static long date(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    NumericDocValues values = DocValues.getNumeric(leaf.reader(), IndexFields.DATE);
    return values.advanceExact(doc - leaf.docBase) ? values.longValue() : Long.MIN_VALUE;
  }
}
