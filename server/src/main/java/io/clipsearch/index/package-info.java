/**
 * The image index, engine-neutral: {@link io.clipsearch.index.ImageIndex} (documents keyed by path,
 * bound to one embedding space, {@link io.clipsearch.index.VectorSpace}), the document records
 * {@link io.clipsearch.index.ImageDoc} and {@link io.clipsearch.index.ImageFacts} (without the
 * vector), the field names both engines share ({@link io.clipsearch.index.IndexFields}) and the
 * choice of vector format. The Lucene implementation is in {@code io.clipsearch.lucene}, the
 * SolrCloud one in {@code io.clipsearch.solr}. Knows nothing of models or servers.
 */
package io.clipsearch.index;
