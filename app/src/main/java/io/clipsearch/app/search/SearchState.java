package io.clipsearch.app.search;

import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.app.places.GeoArea;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the search screen shows, as one immutable snapshot.
 *
 * @param query the query the results belong to (may lag behind the text being typed)
 * @param status idle (nothing searched), searching, done or failed
 * @param hits the results so far (pages appended)
 * @param confidentCount "N confident matches"
 * @param threshold the confidence cutoff score of the query
 * @param calibrated whether the threshold was calibrated (else fixed)
 * @param tookMillis the server's time for the first page
 * @param hasMore whether {@link SearchViewModel#loadMore()} can fetch another page
 * @param error a message for the user when the status is {@link SearchPhase#FAILED}, else null
 * @param byExample whether the results are for a dropped or pasted image
 * @param browsing whether the results are the collection without a query, newest first
 * @param place when browsing, the area of the places map whose photos these are, else null
 * @param filters the filters and sort the results were found with
 * @param noConfidentReason the server's word for why no hit is confident ({@code empty}, {@code
 *     filtered}, {@code not-confident}), null when some is or before an answer
 */
public record SearchState(
    String query,
    SearchPhase status,
    List<SearchResultHit> hits,
    int confidentCount,
    double threshold,
    boolean calibrated,
    long tookMillis,
    boolean hasMore,
    String error,
    boolean byExample,
    boolean browsing,
    GeoArea place,
    FilterChoices filters,
    String noConfidentReason) {

  /** Where a search stands. */
  public enum SearchPhase {
    IDLE,
    SEARCHING,
    DONE,
    FAILED
  }

  public static final SearchState IDLE =
      new SearchState(
          "",
          SearchPhase.IDLE,
          List.of(),
          0,
          0,
          false,
          0,
          false,
          null,
          false,
          false,
          null,
          FilterChoices.NONE,
          null);

  /** A state of the old shape: not browsing, no filters. */
  public SearchState(
      String query,
      SearchPhase status,
      List<SearchResultHit> hits,
      int confidentCount,
      double threshold,
      boolean calibrated,
      long tookMillis,
      boolean hasMore,
      String error,
      boolean byExample) {
    this(
        query,
        status,
        hits,
        confidentCount,
        threshold,
        calibrated,
        tookMillis,
        hasMore,
        error,
        byExample,
        false,
        null,
        FilterChoices.NONE,
        null);
  }

  public SearchState {
    hits = List.copyOf(hits);
    Objects.requireNonNull(filters, "filters");
  }

  /** The collection holds no photo at all (the server says so). */
  public boolean collectionEmpty() {
    return "empty".equals(noConfidentReason);
  }

  /** The search ran and found nothing at all: the "no results" state. */
  public boolean nothingFound() {
    return status == SearchPhase.DONE && hits.isEmpty();
  }

  /** The search found only weak matches: shown dimmed under "No confident matches; closest:". */
  public boolean onlyWeak() {
    return status == SearchPhase.DONE
        && !hits.isEmpty()
        && hits.stream().noneMatch(SearchResultHit::confident);
  }

  /**
   * The results list a person's photos ({@code person:Anna} alone): the server marks each {@code
   * matchedBy: person}, newest first and unranked.
   */
  public boolean personListing() {
    return !browsing && !hits.isEmpty() && "person".equals(hits.getFirst().matchedBy());
  }

  /**
   * The status line in plain words: how many confident matches, how many shown, how long it took.
   * No thresholds or other internals.
   */
  public String summary() {
    return switch (status) {
      case IDLE -> " ";
      case SEARCHING -> "Searching…";
      case FAILED -> error;
      case DONE -> {
        if (browsing) {
          // a place's photos are listed newest first whatever the filters say
          boolean filtered = place == null && filters.isFiltering();
          yield String.format(
              Locale.ROOT,
              "%,d %s%s%s, %s first%s",
              confidentCount,
              confidentCount == 1 ? "photo" : "photos",
              place == null ? "" : " taken near " + place.describe(),
              filtered ? " matching the filters" : "",
              place == null && "date_asc".equals(filters.sort()) ? "oldest" : "newest",
              hasMore ? " (scroll for more)" : "");
        }
        if (personListing()) {
          yield String.format(
              Locale.ROOT,
              "%,d %s of %s, newest first%s",
              confidentCount,
              confidentCount == 1 ? "photo" : "photos",
              query.strip(),
              hasMore ? " (scroll for more)" : "");
        }
        if (hits.isEmpty() && collectionEmpty()) {
          yield "No photos in this collection yet.";
        }
        if (hits.isEmpty()) {
          yield "No matches"
              + (byExample ? " for the image" : "")
              + (filters.isFiltering() ? " with these filters." : ".");
        }
        if (onlyWeak()) {
          yield hits.size() == 1
              ? "No confident matches; the closest one is shown dimmed."
              : "No confident matches; the " + hits.size() + " closest are shown dimmed.";
        }
        yield String.format(
            Locale.ROOT,
            "%,d confident %s%s · %,d shown%s · %,d ms",
            confidentCount,
            confidentCount == 1 ? "match" : "matches",
            byExample ? " for the image" : "",
            hits.size(),
            hasMore ? " (scroll for more)" : "",
            tookMillis);
      }
    };
  }

  SearchState with(SearchPhase s, String e) {
    return new SearchState(
        query,
        s,
        hits,
        confidentCount,
        threshold,
        calibrated,
        tookMillis,
        hasMore,
        e,
        byExample,
        browsing,
        place,
        filters,
        noConfidentReason);
  }
}
