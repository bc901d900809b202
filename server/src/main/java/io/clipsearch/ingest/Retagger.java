package io.clipsearch.ingest;

import io.clipsearch.index.ImageIndex;
import java.io.IOException;
import java.util.Objects;

/**
 * Re-tags every document of an index from its stored vector, without reading or embedding any
 * image: each document is re-upserted with the same fields and vector and the tagger's tags. For
 * collections indexed before tagging existed, or after the vocabulary changed.
 *
 * <p>Strategy: one pass over a point-in-time view ({@link ImageIndex#forEach}), commits every
 * {@link IngestOptions#DEFAULT_COMMIT_EVERY_FILES} documents and once at the end, then a refresh,
 * so the new tags are searchable when {@link #run} returns. Documents written concurrently by
 * another writer may keep their old tags; callers run it when no index job is running. Blocks its
 * caller; closes nothing it was given.
 */
public final class Retagger {

  private final ImageIndex index;
  private final ImageTagger tagger;

  public Retagger(ImageIndex index, ImageTagger tagger) {
    this.index = Objects.requireNonNull(index, "index");
    this.tagger = Objects.requireNonNull(tagger, "tagger");
  }

  /**
   * @return the number of documents re-tagged
   * @throws IOException if the index cannot be read or written (what was committed stays)
   */
  public long run() throws IOException {
    long[] done = {0};
    index.forEach(
        doc -> {
          index.upsert(doc.withTags(tagger.tags(doc.vector())));
          if (++done[0] % IngestOptions.DEFAULT_COMMIT_EVERY_FILES == 0) {
            index.commit();
          }
        });
    index.commit();
    index.refresh();
    return done[0];
  }
}
