package io.clipsearch.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code clipsearch.images.*}: which files index jobs read and {@code /api/images/{id}} serves.
 *
 * @param followLinksOutOfRoots follow symbolic links in photo folders wherever they lead, when
 *     indexing and when reading an indexed image; off by default (no link is followed), so a link
 *     planted in a photo folder cannot expose another file of the machine
 */
@ConfigurationProperties("clipsearch.images")
public record ImageAccessConfig(boolean followLinksOutOfRoots) {}
