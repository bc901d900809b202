/**
 * A SolrCloud test cluster in a JVM of its own: {@link io.clipsearch.solrcluster.TestClusterMain}
 * starts it and takes commands over stdin. Solr's Lucene 9 lives only here; the server, on Lucene
 * 10, talks to the cluster over HTTP and ZooKeeper through SolrJ.
 */
package io.clipsearch.solrcluster;
