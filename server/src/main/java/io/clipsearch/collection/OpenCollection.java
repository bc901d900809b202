package io.clipsearch.collection;

import io.clipsearch.index.ImageIndex;
import io.clipsearch.search.HybridSearch;
import io.clipsearch.search.SearchBackend;
import java.io.IOException;

/**
 * A collection whose index is open: what ingest, search, clusters and the API work with. Made by
 * {@link CollectionOpener}; whoever opened it closes it ({@link CollectionRegistry} for the server,
 * a try-with-resources block for a CLI command), which closes (commits) its index.
 *
 * @param config name, roots, vector format
 * @param layout where its files are
 * @param backend its open index and the engine searching it
 * @param thumbs its thumbnails
 * @param search search over its index
 */
public record OpenCollection(
    CollectionConfig config,
    CollectionLayout layout,
    SearchBackend backend,
    ThumbnailStore thumbs,
    HybridSearch search)
    implements AutoCloseable {

  /** Its open index. */
  public ImageIndex index() {
    return backend.index();
  }

  public String name() {
    return config.name();
  }

  /** The same open index under a changed config (roots added or removed). */
  OpenCollection withConfig(CollectionConfig changed) {
    return new OpenCollection(changed, layout, backend, thumbs, search);
  }

  /** Closes (commits) its index. */
  @Override
  public void close() throws IOException {
    index().close();
  }
}
