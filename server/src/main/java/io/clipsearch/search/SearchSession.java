package io.clipsearch.search;

import io.clipsearch.api.types.SearchLimits;
import io.clipsearch.index.FactsPage;
import io.clipsearch.index.FileState;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.ImageFacts;
import io.clipsearch.index.IndexFields;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The read side of one collection's index, as Lucene's {@code IndexSearcher} is: every read goes
 * through a session, opened by {@link SearchBackend#session()} (the index itself only writes). A
 * session reads one point-in-time view of the collection where the engine has one: the embedded
 * engine holds a single Lucene searcher from opening to {@link #close()}, so the kNN, the keyword
 * ranking, the background sample and the page's documents of one search all see the same documents,
 * and a search pays one acquisition.
 *
 * <p>Ranked results ({@link ScoredImage}) carry the document's path, valid after the session
 * closes, and the session's document number, with which {@link #facts} loads them again at no
 * look-up cost while the session is open. Not for sharing between threads; whoever opens it closes
 * it (try-with-resources).
 */
public interface SearchSession extends Closeable {

  /**
   * The {@code k} nearest images to the unit vector {@code query} passing {@code filters}, best
   * first, scored by cosine similarity.
   *
   * @throws IllegalArgumentException if k is not 1..{@link SearchLimits#MAX_RESULTS}
   */
  default List<ScoredImage> nearest(float[] query, int k, SearchFilters filters)
      throws IOException {
    return nearest(query, k, filters, Modality.IMAGE);
  }

  /**
   * {@link #nearest(float[], int, SearchFilters)} for a query made from {@code modality}: an engine
   * may search a text query more widely, as it lies far from the image vectors.
   */
  List<ScoredImage> nearest(float[] query, int k, SearchFilters filters, Modality modality)
      throws IOException;

  /**
   * The {@code n} best BM25 matches of {@code text} in {@link IndexFields#TEXT} passing {@code
   * filters}, best first (empty if the text has no terms), each with its cosine to {@code query}.
   */
  List<ScoredImage> keywords(String text, float[] query, int n, SearchFilters filters)
      throws IOException;

  /**
   * Cosines of {@code query} with an evenly spread sample of at most {@code n} stored vectors
   * (empty for an empty collection): the background a hit must stand out from.
   */
  double[] backgroundScores(float[] query, int n) throws IOException;

  /**
   * The stored facts of these ranked documents, in the same order, without reading their vectors:
   * by the session's document numbers ({@link ScoredImage#doc}) where the engine has them, else by
   * path. Documents deleted since they were ranked (on engines without a point-in-time view) are
   * left out.
   */
  List<ImageFacts> facts(List<ScoredImage> hits) throws IOException;

  /**
   * A document of this content id, vector included (copies of a file share one; any is returned).
   */
  Optional<ImageDoc> findById(String id) throws IOException;

  /**
   * Up to {@code max} distinct content ids starting with {@code prefix}, in no given order. The
   * default visits every document; engines with a term index override it.
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

  /** The document of this path, vector included. */
  Optional<ImageDoc> findByPath(Path path) throws IOException;

  /**
   * The change-detection facts (path, id, size, mtime) of those of {@code paths} that are indexed,
   * keyed by path; no vectors are read. An ingest scan asks this a chunk of files at a time, so
   * implementations answer a chunk in one look-up (one query, one round trip) where they can.
   */
  Map<Path, FileState> fileStatesOf(List<Path> paths) throws IOException;

  /**
   * What the index knows of every file at or below {@code root}: enough for a scan to skip
   * unchanged files without reading them.
   */
  List<FileState> fileStates(Path root) throws IOException;

  /** Work done on each document by {@link #forEach}. */
  @FunctionalInterface
  interface DocumentVisitor {
    void visit(ImageDoc doc) throws IOException;
  }

  /**
   * Visits every document of the view (writes made by the visitor, such as upserts of the visited
   * documents, are not visited again where the engine has a point-in-time view), one at a time, so
   * memory stays flat on any collection size.
   */
  void forEach(DocumentVisitor visitor) throws IOException;

  /**
   * A page of the documents that {@code filters} accept, in {@link FactsPage#NEWEST_FIRST} order,
   * without vectors: browsing a collection without a query ({@link SearchFilters#NONE}), or the
   * photos of a person ({@code person:Anna}). This default visits every document ({@link
   * #forEach}), vectors included; engines with a sortable date answer from it and read only the
   * page.
   *
   * @param offset documents to skip, >= 0
   * @param limit documents to return, >= 0
   */
  default FactsPage newest(SearchFilters filters, int offset, int limit) throws IOException {
    List<ImageFacts> all = new ArrayList<>();
    forEach(
        d -> {
          if (filters.accepts(d)) {
            all.add(d.facts());
          }
        });
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

  /** Releases the view; reads after it fail. */
  @Override
  void close() throws IOException;
}
