package io.clipsearch.search;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.ImageFacts;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The queries of one search, over one point-in-time view of the collection where the engine has
 * one: the embedded engine holds a single Lucene searcher from {@link SearchBackend#session()} to
 * {@link #close()}, so the kNN, the keyword ranking, the background sample and the page's documents
 * all see the same documents, and a search pays one acquisition. Results carry paths, never engine
 * doc ids. Not for sharing between threads; whoever opens it closes it.
 */
public interface SearchSession extends Closeable {

  /**
   * The {@code k} nearest images to the unit vector {@code query} passing {@code filters}, best
   * first, scored by cosine similarity.
   *
   * @throws IllegalArgumentException if k is not 1..{@link
   *     io.clipsearch.api.types.SearchLimits#MAX_RESULTS}
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
   * The {@code n} best BM25 matches of {@code text} in {@link io.clipsearch.index.IndexFields#TEXT}
   * passing {@code filters}, best first (empty if the text has no terms), each with its cosine to
   * {@code query}.
   */
  List<ScoredImage> keywords(String text, float[] query, int n, SearchFilters filters)
      throws IOException;

  /**
   * Cosines of {@code query} with an evenly spread sample of at most {@code n} stored vectors
   * (empty for an empty collection): the background a hit must stand out from.
   */
  double[] backgroundScores(float[] query, int n) throws IOException;

  /**
   * The stored facts of these paths, in the same order, without reading their vectors; paths not
   * indexed (deleted since they were ranked, on engines without a point-in-time view) are left out.
   */
  List<ImageFacts> facts(List<Path> paths) throws IOException;

  /** A document of this content id, vector included (for {@code like:}). */
  Optional<ImageDoc> findById(String id) throws IOException;

  /** Up to {@code max} distinct content ids starting with {@code prefix}, in no given order. */
  Set<String> idsWithPrefix(String prefix, int max) throws IOException;

  /** Releases the view; queries after it fail. */
  @Override
  void close() throws IOException;
}
