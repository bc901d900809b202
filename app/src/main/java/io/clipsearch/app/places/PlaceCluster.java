package io.clipsearch.app.places;

/**
 * Photos whose dots fall close together on the map at the current zoom, drawn as one dot with their
 * number.
 *
 * @param count photos in it
 * @param x pixel position (the members' mean)
 * @param y pixel position
 * @param area the smallest rectangle around its members: asking the server for the photos taken
 *     there gives exactly these photos
 */
public record PlaceCluster(int count, double x, double y, GeoArea area) {}
