package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Points of a collection's map inside a bounding box: all of them when at most {@code limit} lie
 * there, otherwise a sample stratified by cluster.
 *
 * @param collection the collection
 * @param method {@code umap} or {@code pca}
 * @param total images on the map
 * @param inBox images inside the requested box
 * @param points the points returned
 */
@Serdeable
public record CollectionMapView(
    String collection, String method, int total, int inBox, List<MapPointInfo> points) {}
