/**
 * Organizing a collection without a query: clusters with names, a 2-D map, near-duplicate groups.
 * Results are persisted under {@code <collection>/clusters/} and kept up to date incrementally.
 *
 * <p>Main types, in reading order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.cluster.CollectionOrganizer}: the entry point for one collection; it
 *       reads a {@link io.clipsearch.cluster.CollectionSnapshot} of the index and keeps the results
 *       in a {@link io.clipsearch.cluster.ClusterStore}.
 *   <li>Clusters: {@link io.clipsearch.cluster.KSelector} chooses k, {@link
 *       io.clipsearch.cluster.SphericalKMeans} fits a {@link io.clipsearch.cluster.Partition},
 *       {@link io.clipsearch.cluster.ClusterUpdater} decides between a re-fit and assigning new
 *       images, and the outcome is a {@link io.clipsearch.cluster.ClusterState}.
 *   <li>Names: {@link io.clipsearch.cluster.ZeroShotLabeler} scores centroids and images against a
 *       {@link io.clipsearch.cluster.LabelVocabulary} through a {@link
 *       io.clipsearch.cluster.TextEncoder}.
 *   <li>The map: {@link io.clipsearch.cluster.MapProjector} (UMAP, or PCA for large collections)
 *       gives a {@link io.clipsearch.cluster.CollectionMap}, served at levels of detail.
 *   <li>Duplicates: {@link io.clipsearch.cluster.DuplicateFinder} asks the kNN index for each
 *       image's neighbours and returns {@link io.clipsearch.cluster.DuplicateGroup}s.
 * </ol>
 *
 * <p>Clustering vectors directly (deterministic for a seed):
 *
 * <pre>{@code
 * KSelector.Choice choice = new KSelector(42).choose(vectors);
 * Partition clusters = new SphericalKMeans(42).fit(vectors, choice.k());
 * int[] clusterOfEach = clusters.assignment();
 * }</pre>
 *
 * <p>Sits on {@code index} and {@code model}; only {@code api} and {@code cli} import it. Smile
 * (LGPL-3) does the numerical work (k-means, PCA, UMAP); this package is the glue.
 */
package io.clipsearch.cluster;
