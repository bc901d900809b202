package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * One search result.
 *
 * @param id the image's content id (use it for image, thumbnail and {@code like:})
 * @param path the file's absolute path
 * @param score cosine similarity to the query, -1..1; 0 in a person listing (below)
 * @param confident at or above the response's threshold; always in a person listing
 * @param textMatch its file, folder, camera or lens name or one of its tags matched the query text,
 *     or it shows the person a person listing names
 * @param matchedBy what the query text matched, when {@code textMatch}: {@code name} (file name),
 *     {@code folder}, {@code keyword} (its XMP words), {@code camera} (camera or lens), {@code tag}
 *     (an automatic zero-shot tag), or {@code person} when the query only names persons ({@code
 *     person:Anna}): a listing of her photos, newest first, with no cosine to rank by; null when
 *     nothing matched
 * @param size bytes
 * @param width upright width in pixels
 * @param height upright height in pixels
 * @param date date taken, else modified
 * @param thumbnailUrl where the 320-pixel thumbnail is served
 * @param imageUrl where the full image is served
 */
@Serdeable
public record SearchResultHit(
    String id,
    String path,
    double score,
    boolean confident,
    boolean textMatch,
    @Nullable String matchedBy,
    long size,
    int width,
    int height,
    @Nullable Instant date,
    String thumbnailUrl,
    String imageUrl) {}
