package io.clipsearch.search;

import io.clipsearch.index.IndexFields;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One ranked document of a {@link SearchSession}: the image by its key, the ranking's score, its
 * cosine similarity to the query vector, its date (for sorting) and the session's handle on the
 * document, so that {@link SearchSession#facts} loads it without looking it up again.
 *
 * @param path the document's key
 * @param score the ranking's own score: the cosine for vector results, BM25 for keyword results
 * @param cosine cosine similarity of the image's vector and the query vector, -1..1
 * @param dateMillis date taken, else file mtime ({@link IndexFields#DATE})
 * @param doc the engine's document number within the session that ranked it, or {@link #NO_DOC} for
 *     engines without one (meaningless to any other session)
 */
public record ScoredImage(Path path, double score, double cosine, long dateMillis, int doc) {

  /** {@link #doc} of engines whose documents are found again by path. */
  public static final int NO_DOC = -1;

  public ScoredImage {
    Objects.requireNonNull(path, "path");
  }
}
