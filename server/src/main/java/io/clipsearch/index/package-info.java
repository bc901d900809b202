/**
 * The image index, engine-neutral: what a collection's documents are and the side that writes them.
 *
 * <h2>Reading order</h2>
 *
 * <ol>
 *   <li>{@link io.clipsearch.index.ImageDoc}: one image, keyed by its path, with its content id,
 *       file facts, {@link io.clipsearch.index.PhotoMetadata} (EXIF), tags and unit vector; {@link
 *       io.clipsearch.index.ImageFacts} is the same without the vector (what a result page needs).
 *   <li>{@link io.clipsearch.index.ImageIndex}: the write side, as Lucene's {@code IndexWriter}:
 *       upsert by path, delete, commit, refresh, and its bookkeeping (count, {@link
 *       io.clipsearch.index.IndexStats}, background merge). Bound to one {@link
 *       io.clipsearch.index.VectorSpace} (model id and dimension) and one {@link
 *       io.clipsearch.index.VectorFormat}. Every read goes through a {@code
 *       io.clipsearch.search.SearchSession} instead.
 *   <li>{@link io.clipsearch.index.IndexFields}: every field name, for both engines.
 *   <li>{@link io.clipsearch.index.FileState} (what ingest compares to skip unchanged files) and
 *       {@link io.clipsearch.index.FactsPage} (a page of a listing, in {@link
 *       io.clipsearch.index.FactsPage#NEWEST_FIRST} order).
 * </ol>
 *
 * <p>Implementations: {@code io.clipsearch.lucene.VectorIndex} (embedded) and {@code
 * io.clipsearch.solr.SolrImageIndex} (SolrCloud).
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * try (ImageIndex index = VectorIndex.open(dir, space, VectorFormat.INT8)) {
 *   index.upsert(doc);      // replaces the document of doc.path(), if any
 *   index.commit();         // durable
 *   index.refresh();        // visible to sessions opened from now on
 * }
 * }</pre>
 *
 * <p>Knows nothing of models, search or servers.
 */
package io.clipsearch.index;
