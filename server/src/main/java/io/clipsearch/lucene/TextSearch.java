package io.clipsearch.lucene;

import io.clipsearch.index.IndexFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * BM25 over file names, folder names, camera and lens ({@link IndexFields#TEXT}): the user's text
 * is analyzed as the index analyzed those strings ({@link LuceneKeywordAnalyzer}) and any of its
 * terms may match (OR), so {@code IMG_2041} or {@code canon} finds the file a person means.
 *
 * <p>Thread-safe.
 */
public final class TextSearch {

  private final LuceneKeywordAnalyzer analyzer;

  public TextSearch(LuceneKeywordAnalyzer analyzer) {
    this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
  }

  /**
   * The {@code n} best BM25 matches of {@code text} passing {@code filter} (null: all), best first;
   * empty if the text has no terms.
   */
  public List<ScoredDoc> search(IndexSearcher searcher, String text, int n, Query filter)
      throws IOException {
    List<String> terms = analyzer.terms(text);
    if (terms.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String t : terms) {
      any.add(new TermQuery(new Term(IndexFields.TEXT, t)), BooleanClause.Occur.SHOULD);
    }
    Query query = any.build();
    if (filter != null) {
      // nested: beside a FILTER clause, top-level SHOULD clauses would become optional
      query =
          new BooleanQuery.Builder()
              .add(query, BooleanClause.Occur.MUST)
              .add(filter, BooleanClause.Occur.FILTER)
              .build();
    }
    TopDocs top = searcher.search(query, n);
    List<ScoredDoc> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc sd : top.scoreDocs) {
      hits.add(new ScoredDoc(sd.doc, sd.score));
    }
    return hits;
  }
}
