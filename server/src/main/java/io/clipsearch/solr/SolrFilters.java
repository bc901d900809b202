package io.clipsearch.solr;

import io.clipsearch.index.IndexFields;
import io.clipsearch.search.SearchFilters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.solr.client.solrj.util.ClientUtils;

/**
 * Translates {@link SearchFilters} into Solr filter queries ({@code fq}), the counterpart of {@code
 * FilterQueries} for Lucene: same fields, same bounds (date range half-open). Solr applies {@code
 * fq} of a {@code knn} query as a pre-filter inside the graph search. Stateless.
 */
final class SolrFilters {

  private static final int REJECTED = SearchFilters.REJECTED;

  private SolrFilters() {}

  /** One {@code fq} per constraint; empty when the filters constrain nothing. */
  static List<String> toFilterQueries(SearchFilters filters) {
    List<String> fq = new ArrayList<>();
    if (filters.from() != null || filters.to() != null) {
      String from = filters.from() == null ? "*" : Long.toString(filters.from().toEpochMilli());
      String to = filters.to() == null ? "*" : Long.toString(filters.to().toEpochMilli());
      fq.add(IndexFields.DATE + ":[" + from + " TO " + to + "}");
    }
    if (filters.folder() != null) {
      fq.add(term(IndexFields.FOLDER_TREE, filters.folder()));
    }
    if (filters.camera() != null) {
      fq.add(term(IndexFields.CAMERA, filters.camera()));
    }
    if (filters.shape() != null) {
      fq.add(term(IndexFields.SHAPE, filters.shape().name().toLowerCase(Locale.ROOT)));
    }
    if (filters.minShortSide() != null) {
      fq.add(IndexFields.SHORT_SIDE + ":[" + filters.minShortSide() + " TO *]");
    }
    if (filters.minRating() != null || filters.maxRating() != null) {
      String min = filters.minRating() == null ? "*" : filters.minRating().toString();
      String max = filters.maxRating() == null ? "*" : filters.maxRating().toString();
      fq.add(IndexFields.RATING + ":[" + min + " TO " + max + "]");
    }
    if (filters.label() != null) {
      fq.add(term(IndexFields.LABEL, filters.label()));
    }
    if (filters.ids() != null) {
      // no id holds a comma (content ids are hex); none given matches nothing
      fq.add(
          filters.ids().isEmpty()
              ? "-*:*"
              : "{!terms f="
                  + IndexFields.ID
                  + "}"
                  + String.join(",", filters.ids().stream().sorted().toList()));
    }
    if (filters.excludedIds() != null) {
      // a negated terms query: local parameters only open a query, so it goes through _query_;
      // Solr subtracts a purely negative fq from every document
      fq.add(
          "-_query_:\"{!terms f="
              + IndexFields.ID
              + "}"
              + String.join(",", filters.excludedIds().stream().sorted().toList())
              + "\"");
    }
    if (filters.hideRejected()) {
      fq.add("-" + IndexFields.RATING + ":[" + REJECTED + " TO " + REJECTED + "]");
    }
    return fq;
  }

  /** An exact match of a string field, whatever characters the value holds. */
  static String term(String field, String value) {
    return "{!term f=" + field + "}" + value;
  }

  /** An exact-term clause usable inside a boolean query. */
  static String quoted(String field, String value) {
    return field + ":" + ClientUtils.escapeQueryChars(value);
  }
}
