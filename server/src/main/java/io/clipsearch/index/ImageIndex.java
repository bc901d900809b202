package io.clipsearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The image documents of one collection, keyed by file path, in one {@link VectorSpace}: what
 * ingest writes and everything else reads. Two implementations: {@code
 * io.clipsearch.lucene.VectorIndex}, the embedded Lucene index (the default, fastest on one
 * machine), and the SolrCloud collection in {@code io.clipsearch.solr} (for collections that
 * outgrow one machine). Searching is {@code io.clipsearch.search.SearchBackend}'s job.
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

  /** Work done on each document by {@link #forEach}. */
  @FunctionalInterface
  interface DocumentVisitor {
    void visit(ImageDoc doc) throws IOException;
  }

  /**
   * Visits every document of one point-in-time view (writes made by the visitor, such as upserts of
   * the visited documents, are not visited again), one at a time, so memory stays flat on any
   * collection size.
   */
  void forEach(DocumentVisitor visitor) throws IOException;

  /** The document of this path. */
  Optional<ImageDoc> findByPath(Path path) throws IOException;

  /**
   * The change-detection facts (path, id, size, mtime) of those of {@code paths} that are indexed,
   * keyed by path; no vectors are read. An ingest scan asks this a chunk of files at a time, so
   * implementations answer a chunk in one look-up (one query, one round trip) where they can.
   */
  Map<Path, FileState> fileStatesOf(List<Path> paths) throws IOException;

  /** The order of {@link #newest}: date taken (else modified), newest first; ties by path. */
  Comparator<ImageFacts> NEWEST_FIRST =
      Comparator.comparingLong(ImageFacts::dateMillis).reversed().thenComparing(ImageFacts::path);

  /**
   * A page of every document in {@link #NEWEST_FIRST} order, without vectors: browsing a collection
   * without a query. This default visits every document ({@link #forEach}), vectors included;
   * engines with a sortable date answer from it and read only the page.
   *
   * @param offset documents to skip, >= 0
   * @param limit documents to return, >= 0
   */
  default FactsPage newest(int offset, int limit) throws IOException {
    List<ImageFacts> all = new ArrayList<>();
    forEach(d -> all.add(d.facts()));
    return FactsPage.newestFirst(all, offset, limit);
  }

  /**
   * One document for each camera of the collection, keyed by {@link ImageDoc#camera} (the camera
   * filter's key), for naming the cameras. This default visits every document; engines that index
   * the key answer from its terms.
   */
  default Map<String, ImageFacts> cameraExamples() throws IOException {
    Map<String, ImageFacts> byKey = new TreeMap<>();
    forEach(d -> d.camera().ifPresent(key -> byKey.putIfAbsent(key, d.facts())));
    return byKey;
  }

  /** A document of this content id (copies of a file share one; any of them is returned). */
  Optional<ImageDoc> findById(String id) throws IOException;

  /**
   * Up to {@code max} distinct content ids starting with {@code prefix}, in no given order. The
   * default visits every document; implementations with a term index override it.
   */
  default Set<String> idsWithPrefix(String prefix, int max) throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    forEach(
        doc -> {
          if (ids.size() < max && doc.id().startsWith(prefix)) {
            ids.add(doc.id());
          }
        });
    return ids;
  }

  /**
   * What the index knows of every file at or below {@code root}: enough for a scan to skip
   * unchanged files without reading them.
   */
  List<FileState> fileStates(Path root) throws IOException;

  /** Documents, as of the current view. */
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
   * Why this index takes no more writes, if it does not: its writer died (a disk that filled up
   * mid-write, an I/O error). The only cure is to close it and open it again; empty while it works.
   */
  default Optional<Throwable> writeFailure() {
    return Optional.empty();
  }
}
