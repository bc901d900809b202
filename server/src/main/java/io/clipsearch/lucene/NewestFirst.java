package io.clipsearch.lucene;

import io.clipsearch.index.FactsPage;
import io.clipsearch.index.ImageFacts;
import io.clipsearch.index.IndexFields;
import io.clipsearch.search.SearchSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * {@link SearchSession#newest} from the date's doc values: the top {@code offset + limit} documents
 * of a query (every document, or those a filter accepts) by date, plus every one of them sharing
 * the last date (Lucene breaks ties by doc id, the listing by path, so a page boundary inside a run
 * of equal dates must see the whole run), then sorted by {@link FactsPage#NEWEST_FIRST}. Only those
 * documents' stored fields are read, never a vector: a page of a million photos costs a sort over
 * doc values, not a million document loads.
 */
final class NewestFirst {

  private static final Sort BY_DATE_DESCENDING =
      new Sort(new SortField(IndexFields.DATE, SortField.Type.LONG, true));

  private NewestFirst() {}

  /**
   * @param all the documents listed
   */
  static FactsPage page(IndexSearcher s, Query all, int offset, int limit) throws IOException {
    int total = s.count(all);
    int wanted = (int) Math.min(total, (long) offset + limit);
    if (wanted == 0 || offset >= total) {
      return new FactsPage(List.of(), total);
    }
    ScoreDoc[] top = s.search(all, wanted, BY_DATE_DESCENDING, false).scoreDocs;
    Set<Integer> docs = new LinkedHashSet<>();
    for (ScoreDoc d : top) {
      docs.add(d.doc);
    }
    long lastDate = (Long) ((FieldDoc) top[top.length - 1]).fields[0];
    Query tied =
        new BooleanQuery.Builder()
            .add(all, BooleanClause.Occur.FILTER)
            .add(LongPoint.newExactQuery(IndexFields.DATE, lastDate), BooleanClause.Occur.FILTER)
            .build();
    for (ScoreDoc d : s.search(tied, Math.max(1, s.count(tied))).scoreDocs) {
      docs.add(d.doc);
    }
    StoredFields stored = s.storedFields();
    List<ImageFacts> facts = new ArrayList<>(docs.size());
    for (int doc : docs) {
      facts.add(ImageDocuments.facts(stored.document(doc)));
    }
    facts.sort(FactsPage.NEWEST_FIRST);
    return new FactsPage(facts.subList(offset, Math.min(facts.size(), offset + limit)), total);
  }
}
