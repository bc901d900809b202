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
  static final class FakeService implements SearchService {
    final List<SearchQuery> queries = new ArrayList<>();
    final List<SearchQuery> exampleQueries = new ArrayList<>();
    int total = 250;
    RuntimeException failure;

    @Override
    public SearchResults search(SearchQuery q) {
      queries.add(q);
      if (failure != null) {
        throw failure;
      }
      int from = q.offset() == null ? 0 : q.offset();
      int to = Math.min(total, from + q.limit());
      List<SearchResultHit> hits = IntStream.range(from, to).mapToObj(i -> hit("id" + i)).toList();
      return new SearchResults(hits, 7, total, 0.25, true, 3, q.collection());
    }

    @Override
    public SearchResults searchByImage(byte[] image, SearchQuery query) {
      exampleQueries.add(query);
      return new SearchResults(List.of(hit("example")), 1, 1, 0.25, true, 3, query.collection());
    }
  }

  static SearchResultHit hit(String id) {
    return new SearchResultHit(id, "/p/" + id + ".jpg", 0.3, true, false, null, 1000, 640, 480, null,
        "/api/images/" + id + "/thumbnail", "/api/images/" + id);
  }

  final FakeService service = new FakeService();
  final Deque<Runnable> workers = new ArrayDeque<>();
  final ManualDelay clock = new ManualDelay();
  final SearchViewModel vm = new SearchViewModel(service, new BackgroundTasks(workers::add, Runnable::run),
      clock, new QueryHistory(List.of()));

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
    assertEquals(SearchState.Status.DONE, vm.state().status());
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
    vm.setFilters(SearchFilters.NONE.withShape("portrait"));
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
  void moreLikeThisAndExamples() {
    vm.moreLike("abc");
    runWorkers();
    assertEquals("like:abc", service.queries.getLast().q());
    assertEquals("like:abc", vm.text());
    vm.searchByExample(new byte[] {1, 2});
    runWorkers();
    assertTrue(vm.state().byExample());
    assertEquals("example", vm.state().hits().getFirst().id());
    // the example travels with the current text, filters and limit
    assertEquals(SearchViewModel.EXAMPLE_LIMIT, service.exampleQueries.getLast().limit());
    assertEquals("like:abc", service.exampleQueries.getLast().q());
  }

  @Test
  void errorsCarryTheServersMessageAndUnreachableServersRaiseTheBanner() {
    List<String> lost = new ArrayList<>();
    vm.onConnectionLost(e -> lost.add(e.getMessage()));
    service.failure = new ApiException(new ApiError(400, "bad_request", "unbalanced quote in query"));
    vm.setText("\"oops");
    vm.submit();
    runWorkers();
    assertEquals(SearchState.Status.FAILED, vm.state().status());
    assertEquals("unbalanced quote in query", vm.state().error());
    assertTrue(lost.isEmpty());
    service.failure = new ServerUnreachableException(URI.create("http://h:1"), new IOException("refused"));
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
}
