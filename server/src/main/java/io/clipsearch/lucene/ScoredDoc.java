package io.clipsearch.lucene;

/**
 * A document of one searcher and its score.
 *
 * @param doc top-level Lucene doc id, valid only for the searcher that produced it
 * @param score cosine similarity for vector results (-1..1), the ranking's own score otherwise
 */
public record ScoredDoc(int doc, double score) {}
