package io.clipsearch.ingest;

import io.clipsearch.index.ImageIndex;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchSession;
import java.io.IOException;
import java.util.Objects;

/**
 * Re-tags every document of an index from its stored vector, without reading or embedding any
 * image: each document is re-upserted with the same fields and vector and the tagger's tags. For
 * collections indexed before tagging existed, or after the vocabulary changed.
 *
 * <p>Strategy: one pass over a point-in-time view ({@link SearchSession#forEach}), commits every
 * {@link IngestOptions#DEFAULT_COMMIT_EVERY_FILES} documents and once at the end, then a refresh,
 * so the new tags are searchable when {@link #run} returns. Documents written concurrently by
 * another writer may keep their old tags; callers run it when no index job is running. Blocks its
 * caller; closes nothing it was given.
 */
public final class Retagger {

  private final ImageIndex index;
  private final SearchBackend reader;
  private final ImageTagger tagger;

  /**
   * @param index where the re-tagged documents are written
   * @param reader the read side of {@code index}, for the pass over its documents
   */
  public Retagger(ImageIndex index, SearchBackend reader, ImageTagger tagger) {
    this.index = Objects.requireNonNull(index, "index");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.tagger = Objects.requireNonNull(tagger, "tagger");
  }

  /**
   * @return the number of documents re-tagged
   * @throws IOException if the index cannot be read or written (what was committed stays)
   */
  public long run() throws IOException {
    return run(false);
  }

  /**
   * Tags the documents that have no tags (those a {@link DeferredTagger} passed over), leaving the
   * others as they are.
   *
   * @return the number of documents tagged
   * @throws IOException if the index cannot be read or written (what was committed stays)
   */
  public long runUntagged() throws IOException {
    return run(true);
  }

  private long run(boolean untaggedOnly) throws IOException {
    long[] done = {0};
    try (SearchSession session = reader.session()) {
      session.forEach(
          doc -> {
            if (untaggedOnly && !doc.tags().isEmpty()) {
              return;
            }
            index.upsert(doc.withTags(tagger.tags(doc.vector())));
            if (++done[0] % IngestOptions.DEFAULT_COMMIT_EVERY_FILES == 0) {
              index.commit();
            }
          });
    }
    index.commit();
    index.refresh();
    return done[0];
  }
}
