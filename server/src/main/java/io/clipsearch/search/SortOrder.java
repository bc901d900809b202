package io.clipsearch.search;

/** How results are ordered. */
public enum SortOrder {
  /** Best match first (fused rank in hybrid mode, else cosine similarity). */
  RELEVANCE,
  /** Newest first, by date taken (else file mtime). */
  DATE_DESC,
  /** Oldest first. */
  DATE_ASC
}
