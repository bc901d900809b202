package io.clipsearch.search;

/**
 * What a query vector was made from, which tells how far it lies from the indexed image vectors:
 * CLIP's image and text embeddings occupy different regions of the shared space (the "modality
 * gap"), so a text query is far from every image vector, where a graph walk loses recall unless it
 * keeps a wider beam (figures in docs/BENCHMARKS.md).
 */
public enum Modality {
  /** From images only (an uploaded image, {@code like:<id>}): among the image vectors. */
  IMAGE,
  /** With a text part: across the modality gap. */
  TEXT
}
