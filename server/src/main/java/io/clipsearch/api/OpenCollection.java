package io.clipsearch.api;

import io.clipsearch.index.ImageIndex;
import io.clipsearch.ingest.CollectionConfig;
import io.clipsearch.ingest.CollectionLayout;
import io.clipsearch.ingest.ThumbnailStore;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchService;

/**
 * A collection whose index is open: what the server's services work with. Owned by {@link
 * CollectionService}, which closes the index.
 *
 * @param config name, roots, vector format
 * @param layout where its files are
 * @param backend its open index and the engine searching it
 * @param thumbs its thumbnails
 * @param search search over its index
 */
public record OpenCollection(
    CollectionConfig config, CollectionLayout layout, SearchBackend backend, ThumbnailStore thumbs,
    SearchService search) {

  /** Its open index. */
  public ImageIndex index() {
    return backend.index();
  }

  public String name() {
    return config.name();
  }
}
