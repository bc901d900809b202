/**
 * The "Collections" tab and indexing: the collections and their folders, adding a folder, indexing
 * with live progress (server-sent events), cancelling, the skipped-files report, and the notice of
 * photos left unindexed when the app was closed while indexing.
 *
 * <p>Read in this order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.app.collections.CollectionsViewModel}: the list, the running job and
 *       its progress; tells the window when an indexing ends.
 *   <li>{@link io.clipsearch.app.collections.IndexProgress}: a job's status in words and percent.
 *   <li>{@link io.clipsearch.app.collections.CollectionsPanel}: the tab.
 *   <li>{@link io.clipsearch.app.collections.UnfinishedIndexingBar}: the notice under the top bar.
 * </ol>
 *
 * <pre>{@code
 * CollectionsViewModel collections = new CollectionsViewModel(client, tasks);
 * collections.onIndexed(search::searchAgain);
 * collections.addFolder("trips", "/home/me/Pictures/2024"); // creates, then indexes
 * }</pre>
 *
 * <p>Threading: the view-model and the views are confined to the EDT; server calls and the event
 * stream run on the window's background workers and hand their results back to the EDT. {@code
 * IndexProgress} is stateless.
 */
package io.clipsearch.app.collections;
