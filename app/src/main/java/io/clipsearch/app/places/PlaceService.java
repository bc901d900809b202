package io.clipsearch.app.places;

import io.clipsearch.api.types.PlaceList;
import io.clipsearch.app.net.ClipsearchClient;

/** The server call the places map makes (blocking; called on workers). A fake in tests. */
public interface PlaceService {

  /** A page of the positions of the collection's photos that have one. */
  PlaceList places(String collection, int offset, int limit);

  static PlaceService of(ClipsearchClient client) {
    return client::places;
  }
}
