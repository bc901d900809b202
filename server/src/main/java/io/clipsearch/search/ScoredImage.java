package io.clipsearch.search;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One result of a {@link SearchBackend}: an image by its key, the ranking's score, its cosine
 * similarity to the query vector and its date (for sorting). Backend-neutral: no engine doc ids.
 *
 * @param path the document's key
 * @param score the ranking's own score: the cosine for vector results, BM25 for keyword results
 * @param cosine cosine similarity of the image's vector and the query vector, -1..1
 * @param dateMillis date taken, else file mtime ({@link io.clipsearch.index.IndexFields#DATE})
 */
public record ScoredImage(Path path, double score, double cosine, long dateMillis) {

  public ScoredImage {
    Objects.requireNonNull(path, "path");
  }
}
