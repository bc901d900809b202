package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Progress of an index job: sent by {@code GET /api/jobs/{id}} and as Server-Sent Events.
 *
 * @param phase SCANNING, INDEXING, COMMITTING, DONE, CANCELLED, or FAILED
 * @param seen files dealt with so far
 * @param total image files found so far
 * @param embedded files embedded
 * @param unchanged files skipped as unchanged
 * @param moved files recognised as moved (vector re-used)
 * @param copied files recognised as copies (vector re-used)
 * @param deleted entries removed because their file is gone
 * @param failed files skipped as unreadable or undecodable
 * @param filesPerSecond rate so far
 * @param etaSeconds estimated seconds left, or null
 */
@Serdeable
public record IngestStatus(
    String phase,
    long seen,
    long total,
    long embedded,
    long unchanged,
    long moved,
    long copied,
    long deleted,
    long failed,
    double filesPerSecond,
    @Nullable Double etaSeconds) {}
