/**
 * Browsing a collection without a query: what a photographer sees before typing anything.
 *
 * <p>{@link io.clipsearch.browse.PhotoBrowser} is the one type: it lists a collection's photos
 * newest first (date taken, else modified; ties by path) as {@link
 * io.clipsearch.browse.PhotoBrowser.Page}s of {@link io.clipsearch.browse.PhotoBrowser.Photo}, read
 * from the index's light fields only (no vectors), and the cameras the collection holds. It serves
 * the app's start screen and {@code GET /api/collections/{name}/photos}.
 *
 * <pre>{@code
 * PhotoBrowser.Page first = PhotoBrowser.newest(index, 0, 50);
 * }</pre>
 *
 * <p>Sits on {@code index}; nothing below imports it.
 */
package io.clipsearch.browse;
