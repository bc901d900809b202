/**
 * The "Collections" tab and indexing: the collections and their folders, adding a folder, indexing
 * with live progress (server-sent events), cancelling, the skipped-files report, and the notice of
 * photos left unindexed when the app was closed while indexing.
 *
 * <p>Threading: {@link io.clipsearch.app.collections.CollectionsViewModel} and the views are
 * confined to the EDT; server calls and the event stream run on the window's background workers and
 * hand their results back to the EDT. {@link io.clipsearch.app.collections.IndexProgress} is
 * stateless.
 */
package io.clipsearch.app.collections;
