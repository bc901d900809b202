package io.clipsearch.lucene;

import io.clipsearch.index.IndexFields;
import io.clipsearch.search.SearchFilters;
import java.util.Locale;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Translates {@link SearchFilters} into one Lucene query of non-scoring FILTER clauses, for use as
 * the kNN query's filter (applied inside the graph search) and the BM25 query's filter. Stateless.
 */
public final class FilterQueries {

  private FilterQueries() {}

  /** The filter query, or null when {@code filters} constrain nothing. */
  public static Query toQuery(SearchFilters filters) {
    if (filters.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (filters.from() != null || filters.to() != null) {
      long from = filters.from() == null ? Long.MIN_VALUE : filters.from().toEpochMilli();
      long to = filters.to() == null ? Long.MAX_VALUE : filters.to().toEpochMilli() - 1;
      b.add(LongPoint.newRangeQuery(IndexFields.DATE, from, to), BooleanClause.Occur.FILTER);
    }
    if (filters.folder() != null) {
      b.add(
          new TermQuery(new Term(IndexFields.FOLDER_TREE, filters.folder())),
          BooleanClause.Occur.FILTER);
    }
    if (filters.camera() != null) {
      b.add(
          new TermQuery(new Term(IndexFields.CAMERA, filters.camera())),
          BooleanClause.Occur.FILTER);
    }
    if (filters.shape() != null) {
      b.add(
          new TermQuery(
              new Term(IndexFields.SHAPE, filters.shape().name().toLowerCase(Locale.ROOT))),
          BooleanClause.Occur.FILTER);
    }
    if (filters.minShortSide() != null) {
      b.add(
          IntPoint.newRangeQuery(IndexFields.SHORT_SIDE, filters.minShortSide(), Integer.MAX_VALUE),
          BooleanClause.Occur.FILTER);
    }
    if (filters.minRating() != null || filters.maxRating() != null) {
      int min = filters.minRating() == null ? Integer.MIN_VALUE : filters.minRating();
      int max = filters.maxRating() == null ? Integer.MAX_VALUE : filters.maxRating();
      b.add(IntPoint.newRangeQuery(IndexFields.RATING, min, max), BooleanClause.Occur.FILTER);
    }
    if (filters.label() != null) {
      b.add(
          new TermQuery(new Term(IndexFields.LABEL, filters.label())), BooleanClause.Occur.FILTER);
    }
    if (filters.ids() != null) {
      b.add(
          filters.ids().isEmpty()
              ? new MatchNoDocsQuery()
              : new TermInSetQuery(
                  IndexFields.ID, filters.ids().stream().sorted().map(BytesRef::new).toList()),
          BooleanClause.Occur.FILTER);
    }
    if (filters.hideRejected()) {
      b.add(
          IntPoint.newExactQuery(IndexFields.RATING, SearchFilters.REJECTED),
          BooleanClause.Occur.MUST_NOT);
    }
    if (filters.excludedIds() != null) {
      b.add(
          new TermInSetQuery(
              IndexFields.ID, filters.excludedIds().stream().sorted().map(BytesRef::new).toList()),
          BooleanClause.Occur.MUST_NOT);
    }
    if (filters.hideRejected() || filters.excludedIds() != null) {
      // a pure negation matches nothing in Lucene: it needs a positive clause to subtract from
      b.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }
}
