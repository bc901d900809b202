/**
 * The results grid: thumbnails with their badges, paging by scrolling, multi-select with copy and
 * export, the no-results and first-run states; thumbnail loading and its memory-bounded cache.
 *
 * <p>Read in this order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.app.results.ResultsPanel}: a {@code JList} in horizontal wrap with
 *       fixed cells, so only the visible cells paint; it follows a {@code SearchViewModel} and owns
 *       its thumbnail loader.
 *   <li>{@link io.clipsearch.app.results.ResultCell}: the one renderer of every cell; {@code
 *       ResultBadge} says how well a result matched.
 *   <li>{@link io.clipsearch.app.results.ThumbnailLoader}: at most four downloads, newest request
 *       first, scaled to device pixels, into a {@link io.clipsearch.app.results.ThumbnailCache}
 *       (least recently used, bounded by count and bytes).
 *   <li>{@link io.clipsearch.app.results.PhotoExport}: copies selected photos into a folder.
 * </ol>
 *
 * <pre>{@code
 * ResultsPanel results =
 *     new ResultsPanel(search, client::bytes, tasks, new ThumbnailCache(600, 96L << 20), actions, 180);
 * }</pre>
 *
 * <p>Threading: the panel, the cells and the cache are confined to the EDT; the loader fetches and
 * decodes on the window's background workers and hands images back to the EDT; {@code PhotoExport}
 * blocks and runs on a worker.
 */
package io.clipsearch.app.results;
