package io.clipsearch.api;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code clipsearch.images.*}: which files {@code GET /api/images/{id}} may serve.
 *
 * @param followLinksOutOfRoots serve an indexed image whose real path (symbolic links resolved)
 *     lies outside every root of its collection; off by default, so a link planted in a photo
 *     folder cannot expose another file of the machine
 */
@ConfigurationProperties("clipsearch.images")
public record ImageAccessConfig(boolean followLinksOutOfRoots) {}
