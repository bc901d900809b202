/**
 * The "Clusters &amp; map" tab: the collection's clusters with names and representative photos, and
 * the 2-D map of the photos by likeness (the server's UMAP/PCA projection) with zoom, pan and level
 * of detail; "more like this" on a photo opens a search.
 *
 * <p>Read in this order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.app.clusters.ClustersViewModel}: the clusters, the selection, the
 *       map's viewport and the points inside it, fetched after the viewport stops changing.
 *   <li>{@link io.clipsearch.app.clusters.ClusterClient}: the server calls it makes (a fake in
 *       tests).
 *   <li>{@link io.clipsearch.app.clusters.MapViewport}: the visible box, zoomed and panned.
 *   <li>{@link io.clipsearch.app.clusters.ClustersPanel}: the tab, {@code ClusterBrowser} (cards)
 *       beside {@code ClusterMap} (dots), both painting thumbnails from the panel's loader.
 * </ol>
 *
 * <pre>{@code
 * ClustersViewModel clusters =
 *     new ClustersViewModel(ClusterClient.of(client), tasks, Delay.swing());
 * clusters.setCollection("trips");
 * clusters.showing(); // loads the clusters and the whole map
 * clusters.setViewport(clusters.viewport().zoom(0.5, 0.3, 0.7)); // fetched 150 ms later
 * }</pre>
 *
 * <p>Threading: the view-model and the views are confined to the EDT; only the {@code
 * ClusterClient} calls run on the window's background workers. {@code MapViewport} is immutable.
 */
package io.clipsearch.app.clusters;
