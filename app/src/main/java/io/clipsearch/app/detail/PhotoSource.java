package io.clipsearch.app.detail;

import io.clipsearch.api.types.ImageDetails;
import io.clipsearch.app.net.ClipsearchClient;

/** What the detail view reads from the server (blocking; called on workers). A fake in tests. */
public interface PhotoSource {

  /** The photo's details: dates, camera, exposure, position, orientation. */
  ImageDetails details(String id, String collection);

  /** The bytes behind a relative API URL (a hit's {@code imageUrl}). */
  byte[] bytes(String relativeUrl);

  static PhotoSource of(ClipsearchClient client) {
    return new PhotoSource() {
      @Override
      public ImageDetails details(String id, String collection) {
        return client.info(id, collection);
      }

      @Override
      public byte[] bytes(String relativeUrl) {
        return client.bytes(relativeUrl);
      }
    };
  }
}
