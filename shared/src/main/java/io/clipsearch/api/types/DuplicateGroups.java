package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A collection's near-duplicate groups, largest first.
 *
 * @param collection the collection
 * @param threshold the cosine threshold used
 * @param groups the groups
 */
@Serdeable
public record DuplicateGroups(
    String collection, double threshold, List<DuplicateGroupInfo> groups) {}
