package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Where a photo was taken, from its EXIF GPS position.
 *
 * @param id image id (content hash; copies of a file share one)
 * @param latitude degrees north, -90 to 90
 * @param longitude degrees east, -180 to 180
 */
@Serdeable
public record PlaceInfo(String id, double latitude, double longitude) {}
