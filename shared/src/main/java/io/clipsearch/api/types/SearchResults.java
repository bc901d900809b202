package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A page of search results.
 *
 * @param hits the results
 * @param confidentCount "N confident matches": results at or above the threshold, or confident by
 *     rule (a name holding every word of the query; the image a {@code like:} names)
 * @param candidates results ranked in all (the page is a window on them)
 * @param threshold the cosine threshold for "confident"
 * @param calibrated whether the threshold was calibrated for this query (false: the request's)
 * @param tookMillis time spent searching, query embedding included
 * @param collection the collection searched
 * @param noConfidentReason why no hit is confident, null when some is: {@code empty} (the
 *     collection holds no photo), {@code filtered} (the filters leave none), {@code not-confident}
 *     (photos pass the filters, none is a confident match)
 */
@Serdeable
public record SearchResults(
    List<SearchResultHit> hits,
    int confidentCount,
    int candidates,
    double threshold,
    boolean calibrated,
    long tookMillis,
    String collection,
    @Nullable String noConfidentReason) {}
