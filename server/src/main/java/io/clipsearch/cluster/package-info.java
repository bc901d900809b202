/**
 * Organizing a collection: spherical k-means clusters with an automatically chosen k, kept up to
 * date incrementally and persisted under {@code <collection>/clusters/}; zero-shot names and tags
 * from a label vocabulary; a 2-D map (UMAP, or PCA for large collections) served at levels of
 * detail; near-duplicate groups found through the kNN index.
 *
 * <p>Sits on {@code index} and {@code model}; only {@code api} and {@code cli} import it. Smile
 * 2.6.0 (LGPL-3) does the numerical work (k-means, PCA, UMAP); this package is the glue.
 */
package io.clipsearch.cluster;
