package io.clipsearch.search;

/** Which rankings a search uses. */
public enum SearchMode {
  /** The visual ranking only: cosine of the image vectors to the query vector. */
  VECTOR,
  /** The keyword ranking only: BM25 over file, folder, camera and lens names and tags. */
  KEYWORD,
  /** Both, fused (the default; see {@code docs/SEARCH.md} for the fusion rules). */
  HYBRID
}
