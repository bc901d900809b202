package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A member of a near-duplicate group.
 *
 * @param id image id (copies of one file share it)
 * @param path its file
 * @param width upright width in pixels
 * @param height upright height in pixels
 * @param size file size in bytes
 * @param similarity cosine to the image suggested to keep
 * @param thumbnailUrl where its thumbnail is served
 */
@Serdeable
public record DuplicateImage(
    String id,
    String path,
    int width,
    int height,
    long size,
    double similarity,
    String thumbnailUrl) {}
