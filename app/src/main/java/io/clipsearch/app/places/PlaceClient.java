package io.clipsearch.app.places;

import io.clipsearch.api.types.PlaceList;
import io.clipsearch.app.net.ClipsearchClient;

/** The server call the places map makes (blocking; called on workers). A fake in tests. */
public interface PlaceClient {

  /** A page of the positions of the collection's photos that have one. */
  PlaceList places(String collection, int offset, int limit);

  static PlaceClient of(ClipsearchClient client) {
    return client::places;
  }
}
