package io.clipsearch.collection;

import io.clipsearch.index.ImageIndex;
import io.clipsearch.people.People;
import io.clipsearch.search.HybridSearch;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchSession;
import java.io.IOException;

/**
 * A collection whose index is open: what ingest, search, clusters and the API work with. One write
 * side ({@link #index()}), one read side ({@link #backend()}, which opens every {@link
 * SearchSession}), and the query road over that read side ({@link #search()}). Made by {@link
 * CollectionOpener}; whoever opened it closes it ({@link CollectionRegistry} for the server, a
 * try-with-resources block for a CLI command), which closes (commits) its index.
 *
 * <pre>{@code
 * try (OpenCollection c = opener.openIndexed("default");
 *     SearchSession session = c.backend().session()) {
 *   Optional<ImageDoc> doc = session.findByPath(photo);
 * }
 * }</pre>
 *
 * @param config name, roots, vector format
 * @param layout where its files are
 * @param index its write side
 * @param backend its read side: opens the sessions every read goes through
 * @param thumbs its thumbnails
 * @param people the faces found in its photos and the persons they make
 * @param search hybrid search over {@code backend}: what {@code GET /api/search} runs
 */
public record OpenCollection(
    CollectionConfig config,
    CollectionLayout layout,
    ImageIndex index,
    SearchBackend backend,
    ThumbnailStore thumbs,
    People people,
    HybridSearch search)
    implements AutoCloseable {

  public String name() {
    return config.name();
  }

  /** The same open index under a changed config (roots added or removed). */
  OpenCollection withConfig(CollectionConfig changed) {
    return new OpenCollection(changed, layout, index, backend, thumbs, people, search);
  }

  /** Closes (commits) its index. */
  @Override
  public void close() throws IOException {
    index.close();
  }
}
