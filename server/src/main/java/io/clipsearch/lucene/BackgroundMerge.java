package io.clipsearch.lucene;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The background merge of one {@link VectorIndex}: when bulk writes have left more segments than a
 * limit, merges them down to {@link VectorIndex#MERGED_SEGMENTS} on a background thread, commits
 * and refreshes; searches and writes go on meanwhile and see the merged index when it is done. Each
 * segment is searched with its own graph walk, so a fragmented index searches several times slower
 * (figures in docs/BENCHMARKS.md). At most one merge runs at a time; closing the index aborts it
 * (nothing is lost: the merge is redone on a later call). Thread-safe.
 */
final class BackgroundMerge {

  private final VectorIndex index;
  private CompletableFuture<Boolean> merging; // guarded by this

  BackgroundMerge(VectorIndex index) {
    this.index = index;
  }

  /**
   * Starts a merge if the index has more than {@code maxSegments} segments and none is running.
   *
   * @return completes with whether a merge ran, once it has been committed; the running merge's
   *     future if one is running
   * @throws IOException if the segments cannot be counted
   */
  synchronized CompletableFuture<Boolean> start(int maxSegments) throws IOException {
    if (merging != null && !merging.isDone()) {
      return merging;
    }
    // closing first: a closed index cannot count
    if (index.closing() || index.segmentCount() <= maxSegments) {
      return CompletableFuture.completedFuture(false);
    }
    CompletableFuture<Boolean> merged = new CompletableFuture<>();
    merging = merged;
    Thread.ofPlatform()
        .daemon()
        .name("index-merge-" + index.directory().getFileName())
        .start(
            () -> {
              try {
                index.forceMerge(VectorIndex.MERGED_SEGMENTS);
                merged.complete(true);
              } catch (IOException | RuntimeException e) {
                if (index.closing()) {
                  merged.complete(false); // aborted by close()
                } else {
                  merged.completeExceptionally(e);
                }
              }
            });
    return merged;
  }
}
