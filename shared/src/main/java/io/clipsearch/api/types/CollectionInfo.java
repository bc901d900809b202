package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A collection: the folders it indexes and its index.
 *
 * @param name the collection's name
 * @param roots folders indexed, recursively
 * @param vectorFormat float32, int8, int4 or bbq
 * @param documents images in the index
 * @param indexBytes size of the index on disk
 * @param modelId the model its vectors come from
 * @param activeJob the id of the index job running on it, or null
 */
@Serdeable
public record CollectionInfo(
    String name,
    List<String> roots,
    String vectorFormat,
    long documents,
    long indexBytes,
    String modelId,
    @Nullable String activeJob) {}
