package io.clipsearch.app.search;

import io.clipsearch.api.types.SearchQuery;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.app.net.ClipsearchClient;
import io.clipsearch.app.places.GeoArea;

/**
 * What the search view-model needs from the server: blocking calls, run off the EDT. {@link
 * #of(ClipsearchClient)} in the app, a fake in tests.
 */
public interface SearchClient {

  SearchResults search(SearchQuery query);

  /** Search by example: the image plus the query's text and filters. */
  SearchResults searchByImage(byte[] image, SearchQuery query);

  /**
   * The query's collection without a query, newest first or as it sorts by date, with its filters
   * (same shape as a search).
   */
  SearchResults browse(SearchQuery query);

  /**
   * The photos taken inside {@code area} (the places map), newest first (same shape as a search).
   */
  SearchResults photosIn(String collection, GeoArea area, int offset, int limit);

  static SearchClient of(ClipsearchClient client) {
    return new SearchClient() {
      @Override
      public SearchResults photosIn(String collection, GeoArea area, int offset, int limit) {
        return client.photosIn(collection, area.bbox(), offset, limit);
      }

      @Override
      public SearchResults browse(SearchQuery query) {
        return client.browse(query);
      }

      @Override
      public SearchResults search(SearchQuery query) {
        return client.search(query);
      }

      @Override
      public SearchResults searchByImage(byte[] image, SearchQuery query) {
        return client.searchByImage(image, query);
      }
    };
  }
}
