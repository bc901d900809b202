/**
 * Searching: {@link io.clipsearch.app.search.SearchViewModel} (search as you type with a debounce,
 * stale requests cancelled, paging, filters, search by image, "more like this", browsing newest
 * first, a place of the map), its immutable {@link io.clipsearch.app.search.SearchState}, the
 * search bar, the filters column and the query history.
 *
 * <p>Threading: the view model and the views are confined to the EDT; only the {@link
 * io.clipsearch.app.search.SearchClient} calls run on the window's background workers. {@link
 * io.clipsearch.app.search.SearchState} and {@link io.clipsearch.app.search.FilterChoices} are
 * immutable.
 */
package io.clipsearch.app.search;
