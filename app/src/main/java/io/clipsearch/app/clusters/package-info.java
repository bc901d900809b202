/**
 * The "Clusters &amp; map" tab: the collection's clusters with names and representative photos, and
 * the 2-D map of the photos by likeness (the server's UMAP/PCA projection) with zoom, pan and level
 * of detail; "more like this" from a photo opens a search.
 *
 * <p>Threading: {@link io.clipsearch.app.clusters.ClustersViewModel} and the Swing views are
 * confined to the EDT; only the {@link io.clipsearch.app.clusters.ClusterClient} calls run on the
 * window's background workers. {@link io.clipsearch.app.clusters.MapViewport} is immutable.
 */
package io.clipsearch.app.clusters;
