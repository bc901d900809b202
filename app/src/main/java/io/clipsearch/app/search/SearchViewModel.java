package io.clipsearch.app.search;

import static io.clipsearch.app.viewmodel.CollectionScopedViewModel.DEFAULT_COLLECTION;

import io.clipsearch.api.types.SearchLimits;
import io.clipsearch.api.types.SearchQuery;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.app.net.ApiException;
import io.clipsearch.app.net.ClientException;
import io.clipsearch.app.net.PlainErrors;
import io.clipsearch.app.net.ServerUnreachableException;
import io.clipsearch.app.places.GeoArea;
import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search screen's state and behaviour, without Swing components: search-as-you-type with a
 * debounce, stale requests cancelled, paging up to the server's 1,000 results, filters, search by
 * example, "more like this", history.
 *
 * <p>Confined to the UI thread: every method is called there, and {@link BackgroundTasks} delivers
 * results there. Listeners get a new {@link SearchState} after each change.
 */
public final class SearchViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(SearchViewModel.class);

  /** The pause in typing after which a search starts. */
  public static final Duration DEBOUNCE = Duration.ofMillis(300);

  public static final int PAGE = 100;

  /** The server's limit on {@code offset + limit}. */
  public static final int MAX_RESULTS = SearchLimits.MAX_RESULTS;

  static final int EXAMPLE_LIMIT = 200;

  private final SearchClient server;
  private final BackgroundTasks tasks;
  private final Delay delay;
  private final QueryHistory history;
  private final List<Consumer<SearchState>> listeners = new CopyOnWriteArrayList<>();
  private Consumer<ServerUnreachableException> connectionLost = e -> {};

  private String text = "";
  private String collection = DEFAULT_COLLECTION;
  private FilterChoices filters = FilterChoices.NONE;
  private boolean showAll;

  /** "Show the closest matches" was asked for the current search only; a new search forgets it. */
  private boolean closestOnce;

  private byte[] example;

  /** The image a "more like this" search started from, else null (kept out of the search box). */
  private String likeId;

  /** The area of the places map whose photos are shown (browsing), else null. */
  private GeoArea place;

  /** Show the collection newest first when there is nothing to search for (not in kiosk mode). */
  private boolean browseWhenEmpty;

  private SearchState state = SearchState.IDLE;

  private Delay.Scheduled pendingDebounce;
  private BackgroundTasks.Task inFlight;
  private long generation;

  public SearchViewModel(
      SearchClient server, BackgroundTasks tasks, Delay delay, QueryHistory history) {
    this.server = Objects.requireNonNull(server, "server");
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.delay = Objects.requireNonNull(delay, "delay");
    this.history = Objects.requireNonNull(history, "history");
  }

  public void addListener(Consumer<SearchState> listener) {
    listeners.add(listener);
  }

  /** Called when a search fails because the server cannot be reached (the connection banner). */
  public void onConnectionLost(Consumer<ServerUnreachableException> listener) {
    this.connectionLost = Objects.requireNonNull(listener, "listener");
  }

  public SearchState state() {
    return state;
  }

  public String text() {
    return text;
  }

  public String collection() {
    return collection;
  }

  public FilterChoices filters() {
    return filters;
  }

  boolean showAll() {
    return showAll;
  }

  public QueryHistory history() {
    return history;
  }

  /**
   * With nothing typed, show the collection newest first instead of an empty grid; a collection
   * that does not exist yet (first run) stays on the idle state.
   */
  public void setBrowseWhenEmpty(boolean browse) {
    browseWhenEmpty = browse;
    if (browse && state.status() == SearchState.SearchPhase.IDLE) {
      clearResults();
    }
  }

  /** The example image of the current search by image (a copy), else null. */
  public byte[] example() {
    return example == null ? null : example.clone();
  }

  /** The id of the photo the current "more like this" search started from, else null. */
  public String likeId() {
    return likeId;
  }

  /** The text in the search bar changed: search after {@link #DEBOUNCE} without further typing. */
  public void setText(String newText) {
    String t = newText == null ? "" : newText;
    if (t.equals(text) && example == null && likeId == null && place == null) {
      return;
    }
    text = t;
    example = null;
    likeId = null;
    place = null;
    closestOnce = false;
    cancelDebounce();
    if (t.isBlank()) {
      clearResults();
      return;
    }
    pendingDebounce =
        delay.schedule(
            DEBOUNCE,
            () -> {
              pendingDebounce = null;
              search();
            });
  }

  /** Enter in the search bar: search now and remember the query. */
  public void submit() {
    cancelDebounce();
    history.record(text);
    if (text.isBlank() && example == null && likeId == null) {
      clearResults();
    } else {
      search();
    }
  }

  /** The collection to search; searches again. */
  public void setCollection(String name) {
    if (!Objects.equals(name, collection)) {
      collection = Objects.requireNonNull(name, "name");
      place = null; // an area of another collection's map
      searchAgain();
    }
  }

  /** New filters; searches again at once. */
  public void setFilters(FilterChoices newFilters) {
    if (!newFilters.equals(filters)) {
      filters = Objects.requireNonNull(newFilters, "filters");
      searchAgain();
    }
  }

  /** Whether to show the results below the confidence threshold too; searches again. */
  public void setShowAll(boolean all) {
    if (all != showAll) {
      showAll = all;
      searchAgain();
    }
  }

  /**
   * Search by example: a dropped file or a pasted image. It starts from the example alone: the text
   * in the box belonged to the previous search and is cleared (typing afterwards starts a text
   * search again).
   */
  public void searchByExample(byte[] image) {
    forgetQuery();
    closestOnce = false;
    example = image.clone();
    search();
  }

  /**
   * "More like this": a {@code like:<id>} search, at once. The query syntax stays out of the search
   * box ({@link #text()} is empty); {@link #likeId()} names the photo for the view. Weak matches
   * are included: the photo itself is the only confident match of its own likeness.
   */
  public void moreLike(String imageId) {
    forgetQuery();
    closestOnce = false;
    likeId = Objects.requireNonNull(imageId, "imageId");
    search();
  }

  /**
   * The photos taken inside {@code area} of the places map, newest first, in place of a search: the
   * search box empties; typing starts a search again.
   */
  public void showPlace(GeoArea area) {
    forgetQuery();
    place = Objects.requireNonNull(area, "area");
    clearResults();
  }

  /**
   * Drops the query shown (text, example image, like-id, place) and a pending debounced search,
   * before another kind of query takes its place.
   */
  private void forgetQuery() {
    cancelDebounce();
    text = "";
    example = null;
    likeId = null;
    place = null;
  }

  /** The area of the places map whose photos are shown, else null. */
  public GeoArea place() {
    return place;
  }

  /**
   * One click from "no confident matches": the same search with the closest weak matches shown. For
   * this search only: the next one leaves them out again, unless {@link #setShowAll} says so.
   */
  public void showClosest() {
    if (!closestOnce) {
      closestOnce = true;
      searchAgain();
    }
  }

  /** Whether the current search includes the matches below the confidence threshold. */
  public boolean includesWeak() {
    return !cutoff();
  }

  /** Searches again with the current text (after a reconnect, a new collection...). */
  public void searchAgain() {
    if (!text.isBlank() || example != null || likeId != null) {
      cancelDebounce();
      search();
    } else if (browseWhenEmpty || place != null) {
      clearResults();
    }
  }

  /** Fetches the next page, if there is one and none is loading. */
  public void loadMore() {
    if (!state.hasMore()
        || state.status() == SearchState.SearchPhase.SEARCHING
        || inFlight != null) {
      return;
    }
    SearchState base = state;
    int offset = base.hits().size();
    int limit = Math.min(PAGE, MAX_RESULTS - offset);
    SearchQuery query = filters.toQuery(base.query(), collection, offset, limit, cutoff());
    long gen = generation;
    String coll = collection;
    FilterChoices f = filters;
    inFlight =
        tasks.submit(
            () ->
                base.browsing()
                    ? listing(coll, f, base.place(), offset, limit)
                    : server.search(query),
            results -> {
              if (gen != generation) {
                return;
              }
              inFlight = null;
              List<SearchResultHit> page = hitsOf(results);
              List<SearchResultHit> hits = new ArrayList<>(base.hits());
              hits.addAll(page);
              boolean more = page.size() == limit && hits.size() < MAX_RESULTS;
              publish(
                  new SearchState(
                      base.query(),
                      SearchState.SearchPhase.DONE,
                      hits,
                      base.confidentCount(),
                      base.threshold(),
                      base.calibrated(),
                      base.tookMillis(),
                      more,
                      null,
                      false,
                      base.browsing(),
                      base.place(),
                      base.filters(),
                      base.noConfidentReason()));
            },
            error -> {
              if (gen == generation) {
                inFlight = null;
                failed(error);
              }
            });
  }

  /** Clears the text and the results; cancels what runs. */
  public void clear() {
    cancelDebounce();
    text = "";
    example = null;
    likeId = null;
    place = null;
    closestOnce = false;
    clearResults();
  }

  /** Nothing to search for: the collection (or the place's photos) newest first, else idle. */
  private void clearResults() {
    cancelInFlight();
    long gen = ++generation;
    publish(SearchState.IDLE);
    if (!browseWhenEmpty && place == null) {
      return;
    }
    String coll = collection;
    GeoArea area = place;
    FilterChoices f = filters;
    inFlight =
        tasks.submit(
            () -> listing(coll, f, area, 0, PAGE),
            results -> {
              if (gen == generation) {
                inFlight = null;
                List<SearchResultHit> hits = hitsOf(results);
                // an empty collection stays idle: the first-run screen offers to add a folder
                publish(
                    hits.isEmpty() && area == null && !f.isFiltering()
                        ? SearchState.IDLE
                        : new SearchState(
                            "",
                            SearchState.SearchPhase.DONE,
                            hits,
                            results.confidentCount(),
                            0,
                            false,
                            results.tookMillis(),
                            hits.size() == PAGE,
                            null,
                            false,
                            true,
                            area,
                            f,
                            results.noConfidentReason()));
              }
            },
            error -> {
              if (gen == generation) {
                inFlight = null;
                if (!(error instanceof ApiException api && api.status() == 404)) {
                  failed(error); // a missing collection (first run) stays idle
                }
              }
            });
  }

  private void search() {
    cancelInFlight();
    long gen = ++generation;
    String q = likeId != null ? "like:" + likeId : text.strip();
    byte[] image = example;
    FilterChoices f = filters;
    publish(searching(q, image != null, f, state));
    int limit = Math.min(PAGE, MAX_RESULTS);
    SearchQuery query =
        image != null
            ? f.toQuery(q, collection, 0, EXAMPLE_LIMIT, cutoff())
            : f.toQuery(q, collection, 0, limit, cutoff());
    inFlight =
        tasks.submit(
            () -> image != null ? server.searchByImage(image, query) : server.search(query),
            results -> {
              if (gen == generation) {
                inFlight = null;
                publish(
                    fromResults(
                        q,
                        results,
                        image == null && hitsOf(results).size() == limit,
                        image != null,
                        f));
              }
            },
            error -> {
              if (gen == generation) {
                inFlight = null;
                // the hits shown belong to the previous search (or the whole collection): none
                // answers this one
                failed(error, searching(q, image != null, f, SearchState.IDLE));
              }
            });
  }

  /** The search of {@code q} under way, showing {@code shown}'s hits until the answer comes. */
  private static SearchState searching(
      String q, boolean byExample, FilterChoices f, SearchState shown) {
    return new SearchState(
        q,
        SearchState.SearchPhase.SEARCHING,
        shown.hits(),
        shown.confidentCount(),
        shown.threshold(),
        shown.calibrated(),
        shown.tookMillis(),
        false,
        null,
        byExample,
        false,
        null,
        f,
        null);
  }

  /**
   * A page of the listing without a query: the collection with the filters and date order, or the
   * photos taken in {@code area}.
   */
  private SearchResults listing(String coll, FilterChoices f, GeoArea area, int offset, int limit) {
    return area == null
        ? server.browse(f.toQuery("", coll, offset, limit, true))
        : server.photosIn(coll, area, offset, limit);
  }

  /**
   * Whether the server leaves out results below the threshold: not for "more like this", nor when
   * asked for this search or all of them.
   */
  private boolean cutoff() {
    return !showAll && !closestOnce && likeId == null;
  }

  /** The page's hits: a server that leaves an empty list out of its JSON sends null. */
  private static List<SearchResultHit> hitsOf(SearchResults r) {
    return r.hits() == null ? List.of() : r.hits();
  }

  private static SearchState fromResults(
      String q, SearchResults r, boolean more, boolean byExample, FilterChoices f) {
    List<SearchResultHit> hits = hitsOf(r);
    return new SearchState(
        q,
        SearchState.SearchPhase.DONE,
        hits,
        r.confidentCount(),
        r.threshold(),
        r.calibrated(),
        r.tookMillis(),
        more && hits.size() < MAX_RESULTS,
        null,
        byExample,
        false,
        null,
        f,
        r.noConfidentReason());
  }

  private void failed(Throwable error) {
    failed(error, state);
  }

  /** Shows {@code error} over {@code base}'s results. */
  private void failed(Throwable error, SearchState base) {
    String message;
    if (error instanceof ServerUnreachableException e) {
      connectionLost.accept(e);
      message = "The server cannot be reached.";
    } else if (error instanceof ClientException e) {
      message = PlainErrors.of(e);
    } else {
      LOG.warn("search failed", error);
      message = "The search failed: " + error;
    }
    publish(base.with(SearchState.SearchPhase.FAILED, message));
  }

  private void cancelDebounce() {
    if (pendingDebounce != null) {
      pendingDebounce.cancel();
      pendingDebounce = null;
    }
  }

  private void cancelInFlight() {
    if (inFlight != null) {
      inFlight.cancel();
      inFlight = null;
    }
  }

  private void publish(SearchState s) {
    state = s;
    for (Consumer<SearchState> l : listeners) {
      l.accept(s);
    }
  }
}
