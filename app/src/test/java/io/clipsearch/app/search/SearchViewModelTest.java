package io.clipsearch.app.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.api.types.SearchQuery;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.app.net.ApiException;
import io.clipsearch.app.net.ServerUnreachableException;
import io.clipsearch.app.places.GeoArea;
import io.clipsearch.app.tasks.BackgroundTasks;
import io.clipsearch.app.tasks.ManualDelay;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The search view-model without a display: a hand-driven clock and worker queue. */
class SearchViewModelTest {

  /** A fake server: 'total' hits for any query, recording the queries. */
  static final class FakeService implements SearchClient {
    final List<SearchQuery> queries = new ArrayList<>();
    final List<SearchQuery> exampleQueries = new ArrayList<>();
    int total = 250;
    RuntimeException failure;

    /** Answer as a server that leaves an empty hits list out of its JSON. */
    boolean omitHits;

    /** The server's reason for no confident hit, sent with an empty answer. */
    String reason;

    @Override
    public SearchResults search(SearchQuery q) {
      queries.add(q);
      if (failure != null) {
        throw failure;
      }
      if (omitHits) {
        return new SearchResults(null, 0, 0, 0.25, true, 3, q.collection(), reason);
      }
      int from = q.offset() == null ? 0 : q.offset();
      int to = Math.min(total, from + q.limit());
      List<SearchResultHit> hits = IntStream.range(from, to).mapToObj(i -> hit("id" + i)).toList();
      return new SearchResults(hits, 7, total, 0.25, true, 3, q.collection(), null);
    }

    final List<String> browsed = new ArrayList<>();
    final List<SearchQuery> browseQueries = new ArrayList<>();

    @Override
    public SearchResults browse(SearchQuery q) {
      int offset = q.offset() == null ? 0 : q.offset();
      browsed.add(q.collection() + "@" + offset);
      browseQueries.add(q);
      int to = Math.min(total, offset + q.limit());
      List<SearchResultHit> hits =
          IntStream.range(offset, to).mapToObj(i -> hit("new" + i)).toList();
      return new SearchResults(hits, total, total, 0, false, 1, q.collection(), null);
    }

    final List<String> places = new ArrayList<>();

    @Override
    public SearchResults photosIn(String collection, GeoArea area, int offset, int limit) {
      places.add(collection + "@" + area.bbox() + "@" + offset);
      int to = Math.min(total, offset + limit);
      List<SearchResultHit> hits =
          IntStream.range(offset, to).mapToObj(i -> hit("here" + i)).toList();
      return new SearchResults(hits, total, total, 0, false, 1, collection, null);
    }

    @Override
    public SearchResults searchByImage(byte[] image, SearchQuery query) {
      exampleQueries.add(query);
      return new SearchResults(
          List.of(hit("example")), 1, 1, 0.25, true, 3, query.collection(), null);
    }
  }

  static SearchResultHit hit(String id) {
    return new SearchResultHit(
        id,
        "/p/" + id + ".jpg",
        0.3,
        true,
        false,
        null,
        1000,
        640,
        480,
        null,
        "/api/images/" + id + "/thumbnail",
        "/api/images/" + id);
  }

  final FakeService service = new FakeService();
  final Deque<Runnable> workers = new ArrayDeque<>();
  final ManualDelay clock = new ManualDelay();
  final SearchViewModel vm =
      new SearchViewModel(
          service,
          new BackgroundTasks(workers::add, Runnable::run),
          clock,
          new QueryHistory(List.of()));

  void runWorkers() {
    while (!workers.isEmpty()) {
      workers.poll().run();
    }
  }

  @Test
  void typingSearchesOnceAfterThePause() {
    vm.setText("o");
    clock.advance(Duration.ofMillis(100));
    vm.setText("os");
    clock.advance(Duration.ofMillis(100));
    vm.setText("osprey");
    clock.advance(Duration.ofMillis(299));
    assertTrue(workers.isEmpty(), "no search before the pause");
    clock.advance(Duration.ofMillis(1));
    runWorkers();
    assertEquals(1, service.queries.size());
    assertEquals("osprey", service.queries.getFirst().q());
    assertEquals(SearchState.SearchPhase.DONE, vm.state().status());
    assertEquals(SearchViewModel.PAGE, vm.state().hits().size());
    assertEquals(7, vm.state().confidentCount());
  }

  @Test
  void aNewerSearchCancelsTheStaleOne() {
    vm.setText("cat");
    clock.advance(SearchViewModel.DEBOUNCE);
    Runnable stale = workers.poll();
    vm.setText("dog");
    clock.advance(SearchViewModel.DEBOUNCE);
    stale.run(); // cancelled: runs nothing, delivers nothing
    assertTrue(service.queries.isEmpty());
    runWorkers();
    assertEquals(List.of("dog"), service.queries.stream().map(SearchQuery::q).toList());
    assertEquals("dog", vm.state().query());
  }

  @Test
  void pagesAppendUpToTheEnd() {
    vm.setText("sea");
    vm.submit();
    runWorkers();
    assertTrue(vm.state().hasMore());
    vm.loadMore();
    vm.loadMore(); // ignored while a page loads
    runWorkers();
    assertEquals(200, vm.state().hits().size());
    assertEquals(100, service.queries.get(1).offset());
    vm.loadMore();
    runWorkers();
    assertEquals(250, vm.state().hits().size());
    assertEquals("id249", vm.state().hits().getLast().id());
    assertFalse(vm.state().hasMore());
    assertEquals(3, service.queries.size());
  }

  @Test
  void pagingStopsAtTheServersLimit() {
    service.total = 5000;
    vm.setText("sky");
    vm.submit();
    runWorkers();
    for (int i = 0; i < 20; i++) {
      vm.loadMore();
      runWorkers();
    }
    assertEquals(SearchViewModel.MAX_RESULTS, vm.state().hits().size());
    assertFalse(vm.state().hasMore());
  }

  @Test
  void filtersAndCollectionSearchAgainAtOnce() {
    vm.setText("tree");
    vm.submit();
    runWorkers();
    vm.setFilters(FilterChoices.NONE.withShape("portrait"));
    runWorkers();
    vm.setCollection("trips");
    runWorkers();
    vm.setShowAll(true);
    runWorkers();
    SearchQuery last = service.queries.getLast();
    assertEquals("portrait", last.shape());
    assertEquals("trips", last.collection());
    assertEquals(Boolean.FALSE, last.cutoff());
    assertEquals(4, service.queries.size());
  }

  @Test
  void moreLikeThisKeepsTheSyntaxOutOfTheBoxAndShowsWeakMatches() {
    vm.setText("beach");
    vm.moreLike("abc");
    runWorkers();
    assertEquals("like:abc", service.queries.getLast().q());
    assertEquals(
        Boolean.FALSE,
        service.queries.getLast().cutoff(),
        "the photo alone is its only confident match");
    assertEquals("", vm.text(), "no raw like:<hash> in the search box");
    assertEquals("abc", vm.likeId());
    vm.setText("forest");
    assertNull(vm.likeId(), "typing starts a text search again");
  }

  @Test
  void withNothingTypedTheCollectionShowsNewestFirstAndPages() {
    vm.setBrowseWhenEmpty(true);
    runWorkers();
    assertTrue(vm.state().browsing());
    assertEquals("new0", vm.state().hits().getFirst().id());
    assertEquals("250 photos, newest first (scroll for more)", vm.state().summary());
    vm.loadMore();
    runWorkers();
    assertEquals(200, vm.state().hits().size());
    assertEquals(List.of("default@0", "default@100"), service.browsed);
    vm.setText("osprey");
    clock.advance(SearchViewModel.DEBOUNCE);
    runWorkers();
    assertFalse(vm.state().browsing(), "typing searches");
    vm.setText("");
    runWorkers();
    assertTrue(vm.state().browsing(), "clearing the box browses again");
  }

  @Test
  void browsingTakesTheFiltersAndTheSortAndSaysSo() {
    vm.setBrowseWhenEmpty(true);
    runWorkers();
    vm.setFilters(FilterChoices.NONE.withShape("portrait").withSort("date_asc"));
    runWorkers();
    SearchQuery sent = service.browseQueries.getLast();
    assertEquals("portrait", sent.shape());
    assertEquals("date_asc", sent.sort());
    assertTrue(vm.state().browsing());
    assertEquals(
        "250 photos matching the filters, oldest first (scroll for more)", vm.state().summary());
    vm.loadMore();
    runWorkers();
    assertEquals(
        "portrait", service.browseQueries.getLast().shape(), "the next page has the filters too");
    assertEquals(100, service.browseQueries.getLast().offset());
    vm.setFilters(FilterChoices.NONE.withSort("date_asc"));
    runWorkers();
    assertEquals("250 photos, oldest first (scroll for more)", vm.state().summary());

    service.total = 0;
    vm.setFilters(FilterChoices.NONE.withShape("square"));
    runWorkers();
    assertTrue(
        vm.state().nothingFound(),
        "filters that leave nothing are said so, not the first-run screen");
    assertEquals("0 photos matching the filters, newest first", vm.state().summary());
  }

  @Test
  void theClosestMatchesAreForThatSearchOnly() {
    service.omitHits = true;
    vm.setText("xyzzy");
    vm.submit();
    runWorkers();
    vm.showClosest();
    runWorkers();
    assertEquals(Boolean.FALSE, service.queries.getLast().cutoff());
    assertTrue(vm.includesWeak());
    assertFalse(
        vm.showAll(), "the weak-matches setting is not switched on behind the checkbox's back");
    vm.setText("IMG_2041");
    clock.advance(SearchViewModel.DEBOUNCE);
    runWorkers();
    assertNull(
        service.queries.getLast().cutoff(), "the next search leaves the weak matches out again");
    assertFalse(vm.includesWeak());
  }

  @Test
  void aSearchThatTheFiltersEmptiedSaysSo() {
    service.omitHits = true;
    vm.setFilters(FilterChoices.NONE.withFolder("/nowhere"));
    vm.setText("beach");
    vm.submit();
    runWorkers();
    assertEquals("No matches with these filters.", vm.state().summary());
  }

  @Test
  void anEmptyCollectionIsSaidSoNotThatTheWordsFoundNothing() {
    service.omitHits = true;
    service.reason = "empty";
    vm.setText("beach");
    vm.submit();
    runWorkers();
    assertTrue(vm.state().collectionEmpty());
    assertEquals("No photos in this collection yet.", vm.state().summary());
  }

  @Test
  void anExampleSearchStartsFromTheExampleAlone() {
    vm.setText("a photo of a beach");
    clock.advance(SearchViewModel.DEBOUNCE);
    runWorkers();
    vm.searchByExample(new byte[] {1, 2});
    runWorkers();
    assertTrue(vm.state().byExample());
    assertEquals("example", vm.state().hits().getFirst().id());
    assertEquals(SearchViewModel.EXAMPLE_LIMIT, service.exampleQueries.getLast().limit());
    assertTrue(
        service.exampleQueries.getLast().q() == null
            || service.exampleQueries.getLast().q().isEmpty(),
        "the text of the previous search is not mixed in: " + service.exampleQueries.getLast().q());
    assertEquals("", vm.text());
    assertEquals(2, vm.example().length, "the view can preview the example");
  }

  @Test
  void aResponseWithoutItsHitsListIsTheNoResultsState() {
    service.omitHits = true;
    vm.setText("flowers");
    vm.submit();
    runWorkers();
    assertEquals(SearchState.SearchPhase.DONE, vm.state().status(), "not stuck on Searching…");
    assertTrue(vm.state().nothingFound());
    assertEquals("No matches.", vm.state().summary());
    vm.showClosest();
    runWorkers();
    assertEquals(
        Boolean.FALSE,
        service.queries.getLast().cutoff(),
        "one click asks for the closest matches");
  }

  @Test
  void onlyWeakHitsReadAsClosestMatchesWithoutInternals() {
    SearchResultHit weak =
        new SearchResultHit(
            "w", "/p/w.jpg", 0.2, false, false, null, 1000, 640, 480, null, "/t", "/i");
    SearchState s =
        new SearchState(
            "ocean",
            SearchState.SearchPhase.DONE,
            List.of(weak),
            0,
            0.25,
            true,
            5,
            false,
            null,
            false);
    assertTrue(s.onlyWeak());
    assertEquals("No confident matches; the closest one is shown dimmed.", s.summary());
    SearchState confident =
        new SearchState(
            "ocean",
            SearchState.SearchPhase.DONE,
            List.of(hit("a")),
            1,
            0.25,
            true,
            5,
            false,
            null,
            false);
    assertFalse(confident.summary().contains("cutoff"), confident.summary());
    assertFalse(confident.summary().contains("calibrated"), confident.summary());
  }

  @Test
  void validationMessagesReadAsPlainWords() {
    service.failure =
        new ApiException(
            new ApiError(400, "bad_request", "query.q: size must be between 0 and 1000"));
    vm.setText("x".repeat(1001));
    vm.submit();
    runWorkers();
    assertEquals("That search is too long: use at most 1,000 characters.", vm.state().error());
  }

  @Test
  void aSyntaxErrorDoesNotLeaveTheCollectionOnScreen() {
    vm.setBrowseWhenEmpty(true);
    runWorkers();
    assertEquals(SearchViewModel.PAGE, vm.state().hits().size(), "the collection, browsed");
    service.failure =
        new ApiException(new ApiError(400, "bad_request", "unbalanced quote in query"));
    vm.setText("\"red car");
    vm.submit();
    runWorkers();
    assertEquals(SearchState.SearchPhase.FAILED, vm.state().status());
    assertEquals(List.of(), vm.state().hits(), "the error, not the photos of before");
  }

  @Test
  void errorsCarryTheServersMessageAndUnreachableServersRaiseTheBanner() {
    List<String> lost = new ArrayList<>();
    vm.onConnectionLost(e -> lost.add(e.getMessage()));
    service.failure =
        new ApiException(new ApiError(400, "bad_request", "unbalanced quote in query"));
    vm.setText("\"oops");
    vm.submit();
    runWorkers();
    assertEquals(SearchState.SearchPhase.FAILED, vm.state().status());
    assertEquals(
        "Unbalanced quote in query", vm.state().error(), "a sentence, as the server wrote it");
    assertTrue(lost.isEmpty());
    service.failure =
        new ServerUnreachableException(URI.create("http://h:1"), new IOException("refused"));
    vm.searchAgain();
    runWorkers();
    assertEquals(1, lost.size());
    assertEquals("The server cannot be reached.", vm.state().error());
  }

  @Test
  void clearingCancelsAndEmpties() {
    vm.setText("x");
    clock.advance(SearchViewModel.DEBOUNCE);
    vm.clear();
    runWorkers();
    assertTrue(service.queries.isEmpty());
    assertEquals(SearchState.IDLE, vm.state());
    vm.setText("   ");
    assertEquals(0, clock.pending());
  }

  @Test
  void submitRemembersTheQuery() {
    vm.setText("red car");
    vm.submit();
    assertEquals(List.of("red car"), vm.history().entries());
    assertNull(vm.state().error());
  }

  @Test
  void aPlaceOfTheMapShowsThePhotosTakenThereUntilSomethingIsTyped() {
    vm.setBrowseWhenEmpty(true);
    workers.poll().run();
    GeoArea paris = new GeoArea(2.33, 48.85, 2.35, 48.87);

    vm.showPlace(paris);
    workers.poll().run();

    assertEquals(List.of("default@2.33,48.85,2.35,48.87@0"), service.places);
    assertTrue(vm.state().browsing());
    assertEquals(paris, vm.state().place());
    assertEquals("here0", vm.state().hits().getFirst().id());
    assertEquals(
        "250 photos taken near 48.86° N, 2.34° E, newest first (scroll for more)",
        vm.state().summary());
    vm.loadMore();
    workers.poll().run();
    assertEquals(
        "default@2.33,48.85,2.35,48.87@100", service.places.getLast(), "pages of the place");
    assertEquals(200, vm.state().hits().size());

    vm.searchAgain(); // a reconnect or a finished indexing: the place again, not the whole
    // collection
    workers.poll().run();
    assertEquals(3, service.places.size());

    vm.setText("beach");
    clock.advance(SearchViewModel.DEBOUNCE);
    workers.poll().run();
    assertNull(vm.place());
    assertNull(vm.state().place());
    assertEquals("beach", service.queries.getLast().q());
  }
}
