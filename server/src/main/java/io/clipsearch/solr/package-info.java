/**
 * The SolrCloud engine, for collections that outgrow one machine; shaped as {@code
 * io.clipsearch.lucene} is. It talks to Solr through SolrJ only: Solr and its Lucene 9 run in JVMs
 * of their own, never beside the server's Lucene 10.
 *
 * <h2>Reading order</h2>
 *
 * <ol>
 *   <li>{@link io.clipsearch.solr.SolrImageIndex}: the write side ({@code index.ImageIndex}): bulk
 *       updates with {@code commitWithin}, and the requests its sessions send.
 *   <li>{@link io.clipsearch.solr.SolrSearchBackend}: the read side ({@code search.SearchBackend});
 *       each session is a {@link io.clipsearch.solr.SolrSearchSession}, a series of requests (Solr
 *       keeps no point-in-time view between them).
 *   <li>{@link io.clipsearch.solr.SolrDocuments} and {@link io.clipsearch.solr.SolrFilters}: the
 *       documents and filters of the embedded engine, in Solr's terms.
 *   <li>{@link io.clipsearch.solr.SolrCollections} and {@link io.clipsearch.solr.SolrConfigset}:
 *       creating and checking collections; the configset's schema mirrors {@code
 *       index.IndexFields}. {@link io.clipsearch.solr.IndexCopier} is what {@code clipsearch
 *       migrate} runs.
 * </ol>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * try (SolrImageIndex index = SolrImageIndex.open(client, "photos", space, settings, analyzer)) {
 *   try (SearchSession session = new SolrSearchBackend(index).session()) {
 *     Optional<ImageDoc> doc = session.findByPath(photo);  // real-time get
 *   }
 * }
 * }</pre>
 */
package io.clipsearch.solr;
