package io.clipsearch.search;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of one search. A plain value, ready to become an API record.
 *
 * @param hits the requested page of results, in the requested order
 * @param confidentCount how many of the {@code candidates} are confident (at or above the
 *     threshold, or by rule): "N confident matches"; when it equals {@code candidates} there may be
 *     more further down
 * @param candidates how many documents were ranked (the kNN depth, plus name-only matches)
 * @param threshold the cosine threshold for "confident"
 * @param calibrated whether the threshold was calibrated for this query (false: the request's)
 * @param tookMillis time spent in the search service, query embedding included
 * @param noConfident why no hit is confident; empty when {@code confidentCount > 0}
 */
public record SearchResponse(
    List<SearchHit> hits,
    int confidentCount,
    int candidates,
    double threshold,
    boolean calibrated,
    long tookMillis,
    Optional<NoConfidentReason> noConfident) {
  public SearchResponse {
    hits = List.copyOf(Objects.requireNonNull(hits, "hits"));
    Objects.requireNonNull(noConfident, "noConfident");
  }
}
