package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Switching the library to another model: sent by {@code POST /api/models/{name}/activate} and
 * {@code GET}/{@code DELETE /api/models/activation}. Searches use the old model until the state is
 * {@code ACTIVE}.
 *
 * @param model the model being switched to
 * @param state {@code LOADING} (the new model loads beside the old one), {@code REINDEXING} (every
 *     collection is embedded again into the new model's index), {@code SWITCHING} (running index
 *     jobs stop, then the server switches), {@code ACTIVE} (searches use the new model), {@code
 *     FAILED} or {@code CANCELLED} (the old model stays active either way)
 * @param collectionsDone collections already re-indexed
 * @param collectionsTotal collections to re-index
 * @param collection the collection being re-indexed, or null
 * @param progress its re-indexing progress, or null
 * @param message what went wrong, for people, or null
 */
@Serdeable
public record ActivationStatus(
    String model,
    String state,
    int collectionsDone,
    int collectionsTotal,
    @Nullable String collection,
    @Nullable IngestStatus progress,
    @Nullable String message) {}
