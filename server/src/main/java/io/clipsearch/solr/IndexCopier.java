package io.clipsearch.solr;

import io.clipsearch.index.ImageIndex;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchSession;
import java.io.IOException;
import java.util.function.LongConsumer;

/**
 * Copies every document of one {@link ImageIndex} into another, vectors included, so moving a
 * collection from the embedded index to SolrCloud re-embeds nothing. Documents are keyed by path,
 * so a copy interrupted and run again makes no duplicates; it commits every {@value #COMMIT_EVERY}
 * documents and at the end.
 */
public final class IndexCopier {

  static final int COMMIT_EVERY = 10_000;

  private IndexCopier() {}

  /**
   * @param fromReader the read side of {@code from}
   * @param progress receives the number of documents copied so far, now and then
   * @return documents copied
   * @throws IllegalArgumentException if the indexes hold different models' vectors
   */
  public static long copy(
      ImageIndex from, SearchBackend fromReader, ImageIndex to, LongConsumer progress)
      throws IOException {
    if (!from.space().equals(to.space())) {
      throw new IllegalArgumentException(
          "cannot copy vectors of " + from.space() + " into an index of " + to.space());
    }
    long[] copied = {0};
    try (SearchSession session = fromReader.session()) {
      session.forEach(
          doc -> {
            to.upsert(doc);
            if (++copied[0] % COMMIT_EVERY == 0) {
              to.commit();
              progress.accept(copied[0]);
            }
          });
    }
    to.commit();
    progress.accept(copied[0]);
    return copied[0];
  }
}
