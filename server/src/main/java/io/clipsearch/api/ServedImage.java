package io.clipsearch.api;

import io.micronaut.http.MediaType;
import java.nio.file.Path;

/**
 * A file checked for serving: its real path (links resolved) and the media type its content has.
 */
record ServedImage(Path file, MediaType type) {}
