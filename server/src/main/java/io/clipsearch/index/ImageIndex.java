package io.clipsearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The write side of one collection's index, in one {@link VectorSpace}: what ingest writes, as
 * Lucene's {@code IndexWriter} is. Every read (search, listing, look-up by path or id) goes through
 * a {@code io.clipsearch.search.SearchSession}, opened by the engine's {@code
 * io.clipsearch.search.SearchBackend}, as Lucene reads through an {@code IndexSearcher}. Two
 * implementations: {@code io.clipsearch.lucene.VectorIndex}, the embedded Lucene index (the
 * default, fastest on one machine), and {@code io.clipsearch.solr.SolrImageIndex}, a SolrCloud
 * collection (for collections that outgrow one machine).
 *
 * <p>Guarantees of every implementation: writing a document of a path replaces the previous one
 * (re-running ingest makes no duplicates); nothing is promised durable before {@link #commit()},
 * everything committed survives a crash; writes become visible to reads within about a second, at
 * once after {@link #refresh()}. Implementations are thread-safe. {@link #close()} commits.
 */
public interface ImageIndex extends Closeable {

  /** The model id and dimension every vector of this index has. */
  VectorSpace space();

  /** The vector format the index stores. */
  VectorFormat format();

  /**
   * Adds the image, or replaces the document of the same path.
   *
   * @throws IllegalArgumentException if the vector's dimension is not the index's
   */
  void upsert(ImageDoc doc) throws IOException;

  /** Removes the document of this path, if any. */
  void delete(Path path) throws IOException;

  /** Removes every document at or below {@code folder}, except those at or below {@code keep}. */
  void deleteUnder(Path folder, List<Path> keep) throws IOException;

  /** Makes every write so far durable, atomically. */
  void commit() throws IOException;

  /** Makes writes so far visible to reads now. */
  void refresh() throws IOException;

  /** Documents, as of the current view: the writer's bookkeeping, for progress and gauges. */
  long count() throws IOException;

  /** Size figures now. */
  IndexStats stats() throws IOException;

  /**
   * After bulk writes (an index job's end, a server opening a collection): when the writes have
   * left the index fragmented, merges it in the background, so searches regain their speed; they go
   * on meanwhile. This default does nothing: for engines that merge by their own policy.
   *
   * @return completes with whether a merge ran, once it is durable
   * @throws IOException if the index cannot be read
   */
  default CompletableFuture<Boolean> mergeInBackground() throws IOException {
    return CompletableFuture.completedFuture(false);
  }

  /**
   * Starts preparing the index for fast searches in the background, once: reading what searches
   * page through into memory and running a few searches, so the first searches after opening a
   * large index do not fault it in from disk page by page (as Lucene's {@code IndexWriter} warms
   * merged segments). A server calls it when it opens a collection; searches run meanwhile as they
   * would without it. This default does nothing: for engines that keep their own caches.
   *
   * @return completes when done, or when the index was closed first
   */
  default CompletableFuture<WarmUp> warmUp() {
    return CompletableFuture.completedFuture(WarmUp.NOTHING);
  }

  /**
   * Why this index takes no more writes, if it does not: its writer died (a disk that filled up
   * mid-write, an I/O error). The only cure is to close it and open it again; empty while it works.
   */
  default Optional<Throwable> writeFailure() {
    return Optional.empty();
  }
}
