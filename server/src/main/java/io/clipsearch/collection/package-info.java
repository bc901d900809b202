/**
 * Collections: the one home of what a collection is and how it is opened, for the server and every
 * CLI command.
 *
 * <h2>Reading order</h2>
 *
 * <ol>
 *   <li>{@link io.clipsearch.collection.CollectionConfig}: its {@code collection.json} (name, root
 *       folders, vector format); {@link io.clipsearch.collection.CollectionLayout}: where its files
 *       are.
 *   <li>{@link io.clipsearch.collection.CollectionOpener}: the one way to define and open a
 *       collection, through {@link io.clipsearch.collection.CollectionBackends} (the engine:
 *       embedded Lucene or SolrCloud).
 *   <li>{@link io.clipsearch.collection.OpenCollection}: an open collection: its write side ({@code
 *       index()}), its read side ({@code backend()}, which opens every {@code SearchSession}), its
 *       hybrid search ({@code search()}) and its {@link io.clipsearch.collection.ThumbnailStore}.
 *   <li>{@link io.clipsearch.collection.CollectionRegistry}: a long-running process's open
 *       collections, kept fast by {@link io.clipsearch.collection.IndexUpkeep} and closed at the
 *       end.
 * </ol>
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * CollectionOpener opener = CollectionOpener.embedded(dataDir, model);
 * try (OpenCollection c = opener.openIndexed("default")) {
 *   SearchResponse r = c.search().search(SearchRequest.of("red car"));
 * }
 * }</pre>
 *
 * <p>Plain Java, no Micronaut. Depends on {@code index}, {@code lucene}, {@code solr}, {@code
 * search} and {@code model}; {@code ingest} (which writes thumbnails and runs jobs over open
 * collections) sits above it, so nothing here imports {@code ingest}.
 */
package io.clipsearch.collection;
