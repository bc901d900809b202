package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;

/**
 * A vocabulary label of a cluster and its zero-shot score.
 *
 * @param label the label ("beach", "dog", ...)
 * @param score cosine between the cluster's centroid and the label's prompt-ensembled embedding
 */
@Serdeable
public record ClusterLabel(String label, double score) {}
