/**
 * The results grid: thumbnails with their badges, paging by scrolling, multi-select with copy and
 * export, the no-results and first-run states; thumbnail loading and its memory-bounded cache.
 *
 * <p>Threading: the panel, the cells and {@link io.clipsearch.app.results.ThumbnailCache} are
 * confined to the EDT; {@link io.clipsearch.app.results.ThumbnailLoader} fetches and decodes on the
 * window's background workers and hands images back to the EDT; {@link
 * io.clipsearch.app.results.PhotoExport} blocks and runs on a worker.
 */
package io.clipsearch.app.results;
