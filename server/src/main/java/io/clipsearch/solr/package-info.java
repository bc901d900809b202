/**
 * The SolrCloud backend. It talks to Solr through SolrJ only: Solr and its Lucene 9 run in JVMs of
 * their own, never beside the server's Lucene 10. It owns the collection's configset ({@link
 * io.clipsearch.solr.SolrConfigset}), whose schema mirrors {@code index.IndexFields}.
 */
package io.clipsearch.solr;
