/**
 * How the app's custom-painted views draw.
 *
 * <p>{@link io.clipsearch.app.paint.Painting#smooth} gives a {@code paintComponent} a copy of its
 * graphics with the app's rendering hints (antialiased shapes and text, bilinear images); the
 * results cells, the cluster cards and map, the places map, the detail photo and the kiosk
 * slideshow all paint through it.
 *
 * <pre>{@code
 * protected void paintComponent(Graphics graphics) {
 *   Graphics2D g = Painting.smooth(graphics);
 *   try {
 *     g.drawImage(photo, 0, 0, getWidth(), getHeight(), null);
 *   } finally {
 *     g.dispose();
 *   }
 * }
 * }</pre>
 *
 * <p>Threading: EDT only, like all painting.
 */
package io.clipsearch.app.paint;
