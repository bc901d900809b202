package io.clipsearch.app.clusters;

import io.clipsearch.api.types.ClusterList;
import io.clipsearch.api.types.CollectionMapView;
import io.clipsearch.app.net.ClipsearchClient;

/** The server calls the clusters screen makes (blocking; called on workers). A fake in tests. */
public interface ClusterClient {

  /** The collection's current clusters. */
  ClusterList clusters(String collection);

  /** Re-fits the clusters from scratch (needs the token). */
  ClusterList recompute(String collection);

  /** At most {@code limit} map points inside {@code bbox} (null: the whole map). */
  CollectionMapView map(String collection, double[] bbox, int limit);

  static ClusterClient of(ClipsearchClient client) {
    return new ClusterClient() {
      @Override
      public ClusterList clusters(String collection) {
        return client.clusters(collection, null);
      }

      @Override
      public ClusterList recompute(String collection) {
        return client.recomputeClusters(collection, 0);
      }

      @Override
      public CollectionMapView map(String collection, double[] bbox, int limit) {
        return client.map(collection, bbox, limit, null);
      }
    };
  }
}
