package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One cluster of a collection.
 *
 * @param cluster its number (the {@code cluster} of map points)
 * @param size images in it
 * @param labels best labels, best first
 * @param representatives images nearest its centroid, nearest first
 */
@Serdeable
public record ClusterInfo(
    int cluster, int size, List<ClusterLabel> labels, List<ClusterImage> representatives) {}
