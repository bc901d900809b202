/**
 * Collections: the one home of what a collection is and how it is opened. {@link
 * io.clipsearch.collection.CollectionConfig} (its {@code collection.json}: name, root folders,
 * vector format, and the default format of new collections), {@link
 * io.clipsearch.collection.CollectionLayout} (where its files are), {@link
 * io.clipsearch.collection.ThumbnailStore} (its thumbnails), {@link
 * io.clipsearch.collection.CollectionBackends} (the engine: embedded Lucene or SolrCloud) and
 * {@link io.clipsearch.collection.CollectionOpener}, the one way the server and every CLI command
 * define and open a collection as an {@link io.clipsearch.collection.OpenCollection}. {@link
 * io.clipsearch.collection.CollectionRegistry} keeps a long-running process's collections open
 * until it closes.
 *
 * <p>Plain Java, no Micronaut: {@code api} and {@code cli} both use it. Depends on {@code index},
 * {@code lucene}, {@code solr}, {@code search} and {@code model}; {@code ingest} (which writes
 * thumbnails and runs jobs over open collections) sits above it, so nothing here imports {@code
 * ingest}.
 */
package io.clipsearch.collection;
