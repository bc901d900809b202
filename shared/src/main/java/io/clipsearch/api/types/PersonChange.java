package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A change to a person ({@code POST /api/collections/{c}/people/{id}}): the fields given apply, in
 * this order; at least one must be given.
 *
 * @param name the name to give; blank unnames
 * @param hidden hide or show
 * @param mergeFrom another person whose faces move into this one (it is gone after)
 * @param splitFace a face id ({@code <image id>-<n>}) to split off: it never joins this person
 *     again
 */
@Serdeable
public record PersonChange(
    @Nullable String name,
    @Nullable Boolean hidden,
    @Nullable Integer mergeFrom,
    @Nullable String splitFace) {}
