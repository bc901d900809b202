/**
 * Searching: search as you type, by image, "more like this", browsing newest first and the photos
 * of a place, with filters and a history.
 *
 * <p>Read in this order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.app.search.SearchViewModel}: debounce, stale requests cancelled,
 *       paging to the server's 1,000 results; every change gives listeners a new {@link
 *       io.clipsearch.app.search.SearchState} (immutable, with its {@code SearchPhase}).
 *   <li>{@link io.clipsearch.app.search.SearchClient}: the server calls it makes (a fake in tests).
 *   <li>{@link io.clipsearch.app.search.FilterChoices}: the filters people chose, turned into the
 *       API's {@code SearchQuery}.
 *   <li>{@link io.clipsearch.app.search.QueryHistory}: past queries, for completion.
 *   <li>The views: {@link io.clipsearch.app.search.SearchBar}, {@link
 *       io.clipsearch.app.search.FiltersPanel}.
 * </ol>
 *
 * <pre>{@code
 * SearchViewModel search =
 *     new SearchViewModel(SearchClient.of(client), tasks, Delay.swing(), new QueryHistory(List.of()));
 * search.addListener(state -> show(state.hits()));
 * search.setText("osprey at sunset"); // searched 300 ms after the last key
 * }</pre>
 *
 * <p>Threading: the view-model and the views are confined to the EDT; only the {@code SearchClient}
 * calls run on the window's background workers. {@code SearchState} and {@code FilterChoices} are
 * immutable.
 */
package io.clipsearch.app.search;
