/**
 * The places map: where the photos were taken, from the GPS positions the server indexed. An
 * offline world ({@link io.clipsearch.app.places.WorldOutline}, Natural Earth 1:110m land, public
 * domain), dots clustered on a pixel grid ({@link io.clipsearch.app.places.PlaceClusters}), zoom
 * and pan ({@link io.clipsearch.app.places.GeoView}); a click opens the photos of a dot's area in
 * the results grid (the window's wiring).
 *
 * <p>Threading: {@link io.clipsearch.app.places.PlacesViewModel}, the map and the panel are
 * confined to the EDT; only the {@link io.clipsearch.app.places.PlaceClient} calls run on the
 * window's background workers. The geometry types are immutable and thread-safe.
 */
package io.clipsearch.app.places;
