package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What an ended index job did: final counters and every skipped file with its reason.
 *
 * @param job the job
 * @param skipped the files it could not index
 */
@Serdeable
public record JobReport(JobInfo job, List<SkippedFileInfo> skipped) {}
