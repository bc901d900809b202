package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One model the server knows of, as {@code GET /api/models} lists it: a model of the catalog (which
 * can be pulled), the bundled one, or a folder already in the models folder.
 *
 * @param name the name to pull or activate it by (a catalog name, or the folder's name)
 * @param kind {@code catalog}, {@code bundled} or {@code folder}
 * @param state {@code ABSENT} (nothing on disk), {@code PARTIAL} (a download stopped part way:
 *     {@code bytesOnDisk} tells how far), {@code PRESENT} (every file there), {@code VERIFIED}
 *     (present and passed verification while this server runs) or {@code ACTIVE} (the model
 *     searches use now)
 * @param pulling whether a pull of it is running
 * @param repo the Hugging Face repository it is pulled from, or null
 * @param dimension the embedding dimension, or null when unknown
 * @param license the weights' license, or null when unknown
 * @param approxBytes roughly how many bytes a pull transfers, or null
 * @param languages the languages its text tower reads, or null when unknown
 * @param goodAt one line on what it is good at, or null
 * @param bytesOnDisk bytes of its folder on disk, partial downloads included
 * @param folder its folder, or null when it has none yet
 */
@Serdeable
public record ModelEntry(
    String name,
    String kind,
    String state,
    boolean pulling,
    @Nullable String repo,
    @Nullable Integer dimension,
    @Nullable String license,
    @Nullable Long approxBytes,
    @Nullable String languages,
    @Nullable String goodAt,
    long bytesOnDisk,
    @Nullable String folder) {}
