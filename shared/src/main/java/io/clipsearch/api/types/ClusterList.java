package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A collection's clusters, largest first.
 *
 * @param collection the collection
 * @param modelId the model of the vectors clustered
 * @param documents documents in the index when computed
 * @param k clusters
 * @param automaticK whether k was chosen automatically
 * @param silhouette the sample silhouette of the chosen k (null when k was given)
 * @param clusters the clusters
 */
@Serdeable
public record ClusterList(
    String collection,
    String modelId,
    long documents,
    int k,
    boolean automaticK,
    @Nullable Double silhouette,
    List<ClusterInfo> clusters) {}
