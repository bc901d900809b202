/**
 * One photo large: the detail view beside the results, the full-screen viewer with zoom, and the
 * pieces that turn server data into what people read.
 *
 * <p>Read in this order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.app.detail.DetailViewModel}: which result of which list is shown, its
 *       details and its decoded, upright photo; a newer selection cancels the older load.
 *   <li>{@link io.clipsearch.app.detail.PhotoSource}: what it reads from the server (a fake in
 *       tests).
 *   <li>{@link io.clipsearch.app.detail.DetailPanel}: shows what the view-model loaded; {@code
 *       FullScreenViewer} and {@code ZoomView} for one photo on the whole screen.
 *   <li>The text and image helpers: {@code CameraName}, {@code ExposureText}, {@code SizeText},
 *       {@code ExifOrientation}, {@code ImageDecoding}.
 * </ol>
 *
 * <pre>{@code
 * DetailViewModel detail =
 *     new DetailViewModel(PhotoSource.of(client), tasks, DetailPanel.photoSide());
 * detail.addListener(() -> repaint());
 * detail.show(results.hits(), "trips", 3); // loads on a worker
 * detail.step(1);                          // the next result
 * }</pre>
 *
 * <p>Threading: the view-model, the panel and the viewers are confined to the EDT; the {@code
 * PhotoSource} calls, decoding and orientation run on the window's background workers. The text and
 * image helpers are stateless.
 */
package io.clipsearch.app.detail;
