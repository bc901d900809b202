package io.clipsearch.api;

import io.clipsearch.ingest.RootedFile;
import io.micronaut.http.MediaType;

/**
 * A file opened and checked for serving, at its start, and the media type of its content. Whoever
 * takes it sends and closes the file.
 */
record ServedImage(RootedFile file, MediaType type) {}
