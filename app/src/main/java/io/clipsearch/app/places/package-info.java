/**
 * The places map: where the photos were taken, from the GPS positions the server indexed, on an
 * offline world; a click opens the photos of a dot's area in the results grid.
 *
 * <p>Read in this order:
 *
 * <ol>
 *   <li>{@link io.clipsearch.app.places.PlacesViewModel}: the positions of the collection's photos,
 *       loaded page by page when the map is shown, and the part of the world shown.
 *   <li>{@link io.clipsearch.app.places.PlaceClient}: the server call it makes (a fake in tests).
 *   <li>{@link io.clipsearch.app.places.GeoView} and {@link
 *       io.clipsearch.app.places.GeoProjection}: centre and zoom, and the equirectangular
 *       projection onto the map's pixels.
 *   <li>{@link io.clipsearch.app.places.PlaceClusters}: dots grouped on a pixel grid, each with its
 *       {@link io.clipsearch.app.places.GeoArea}.
 *   <li>{@link io.clipsearch.app.places.PlacesPanel} and {@code PlacesMap}: the tab; {@code
 *       WorldOutline} is the bundled Natural Earth 1:110m land (public domain).
 * </ol>
 *
 * <pre>{@code
 * PlacesViewModel places = new PlacesViewModel(PlaceClient.of(client), tasks);
 * places.setCollection("trips");
 * places.showing(); // loads every page once
 * places.setView(places.view().zoomBy(2, 11.25, 43.77));
 * }</pre>
 *
 * <p>Threading: the view-model, the map and the panel are confined to the EDT; only the {@code
 * PlaceClient} calls run on the window's background workers. The geometry types are immutable.
 */
package io.clipsearch.app.places;
