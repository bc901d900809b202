package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * An index job.
 *
 * @param id the job's id
 * @param collection the collection it indexes
 * @param started when it started
 * @param finished when it ended, or null while it runs
 * @param status its latest progress
 * @param error why it failed, or null
 */
@Serdeable
public record JobInfo(
    String id,
    String collection,
    Instant started,
    @Nullable Instant finished,
    IngestStatus status,
    @Nullable String error) {}
