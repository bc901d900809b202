package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An image on the collection map.
 *
 * @param id image id
 * @param x horizontal position in [0, 1]
 * @param y vertical position in [0, 1]
 * @param cluster its cluster, or -1
 */
@Serdeable
public record MapPointInfo(String id, float x, float y, int cluster) {}
