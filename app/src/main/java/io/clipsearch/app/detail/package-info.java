/**
 * One photo large: the detail view ({@link io.clipsearch.app.detail.DetailPanel}, showing what its
 * {@link io.clipsearch.app.detail.DetailViewModel} loads), the full-screen viewer with zoom, and
 * the pieces that turn server data into what people read (camera names, exposure, EXIF orientation,
 * decoding scaled to the screen).
 *
 * <p>Threading: the view model, the panel and the viewers are confined to the EDT; the {@link
 * io.clipsearch.app.detail.PhotoSource} calls, decoding and orientation run on the window's
 * background workers (the view model submits them). The text and image helpers are stateless.
 */
package io.clipsearch.app.detail;
