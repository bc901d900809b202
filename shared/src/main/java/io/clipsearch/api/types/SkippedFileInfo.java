package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A file an index job skipped, and why.
 *
 * @param path the file
 * @param reason UNREADABLE, EMPTY, NOT_AN_IMAGE, CORRUPT, TOO_LARGE, ...
 * @param message the details
 */
@Serdeable
public record SkippedFileInfo(String path, String reason, String message) {}
