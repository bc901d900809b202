package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A page of the positions of a collection's photos that carry GPS coordinates, in path order.
 *
 * @param collection the collection
 * @param total photos with a position in the collection (the pages add up to it)
 * @param places this page
 */
@Serdeable
public record PlaceList(String collection, int total, List<PlaceInfo> places) {}
