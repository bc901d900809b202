package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;

/**
 * An image shown for a cluster.
 *
 * @param id image id
 * @param path its file
 * @param thumbnailUrl where its thumbnail is served
 */
@Serdeable
public record ClusterImage(String id, String path, String thumbnailUrl) {}
