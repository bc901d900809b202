package io.clipsearch.collection;

import io.clipsearch.index.ImageIndex;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background upkeep a long-running process (the server) gives an open collection's index, so
 * searches stay fast: warm it when it opens ({@link ImageIndex#warmUp}), then merge it if earlier
 * bulk writes left it fragmented; merge again after each index job ({@link
 * ImageIndex#mergeInBackground}). Both run on background threads and only log; searches and jobs go
 * on meanwhile. Stateless.
 */
public final class IndexUpkeep {

  private static final Logger log = LoggerFactory.getLogger(IndexUpkeep.class);

  private IndexUpkeep() {}

  /** Warms a just-opened collection's index, then merges it if it is fragmented. */
  public static void afterOpen(OpenCollection c) {
    c.index()
        .warmUp()
        .whenComplete(
            (w, e) -> {
              if (e != null) {
                log.warn("warming the index of collection {} failed: {}", c.name(), e.toString());
                return;
              }
              if (w.files() > 0) {
                log.info(
                    "warmed collection {}: {} MB read and {} searches run in {} ms",
                    c.name(),
                    w.bytes() >> 20,
                    w.searches(),
                    w.millis());
              }
              afterBulkWrite(c);
            });
  }

  /** Merges the collection's index in the background if bulk writes left it fragmented. */
  public static void afterBulkWrite(OpenCollection c) {
    long start = System.nanoTime();
    try {
      c.index()
          .mergeInBackground()
          .whenComplete(
              (merged, e) -> {
                if (e != null) {
                  log.warn("merging the index of collection {} failed: {}", c.name(), e.toString());
                } else if (merged) {
                  log.info(
                      "merged the index of collection {} in {} s",
                      c.name(),
                      (System.nanoTime() - start) / 1_000_000_000);
                }
              });
    } catch (IOException | RuntimeException e) {
      log.warn("cannot look at the index of collection {}: {}", c.name(), e.toString());
    }
  }
}
