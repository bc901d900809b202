/**
 * Browsing a collection without a query: {@link io.clipsearch.browse.PhotoBrowser} lists photos
 * newest first from the index's light fields, for the app's start screen and {@code GET
 * /api/collections/{name}/photos}. Sits on {@code index}; nothing below imports it.
 */
package io.clipsearch.browse;
