/**
 * The image index: one Lucene index per collection, bound to one embedding space ({@link
 * io.clipsearch.index.VectorSpace}). {@link io.clipsearch.index.VectorIndex} owns the writer and
 * the near-real-time searchers; {@link io.clipsearch.index.IndexFields} names every field; vector
 * formats (float32 and quantized HNSW) are chosen per index. Knows nothing of models or servers.
 */
package io.clipsearch.index;
