package io.clipsearch.app.search;

import io.clipsearch.api.types.SearchQuery;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.app.net.ClipsearchClient;

/**
 * What the search view-model needs from the server: blocking calls, run off the EDT.
 * {@link #of(ClipsearchClient)} in the app, a fake in tests.
 */
public interface SearchService {

  SearchResults search(SearchQuery query);

  SearchResults searchByImage(byte[] image, String text, String collection, int limit);

  static SearchService of(ClipsearchClient client) {
    return new SearchService() {
      @Override
      public SearchResults search(SearchQuery query) {
        return client.search(query);
      }

      @Override
      public SearchResults searchByImage(byte[] image, String text, String collection, int limit) {
        return client.searchByImage(image, text, collection, limit);
      }
    };
  }
}
