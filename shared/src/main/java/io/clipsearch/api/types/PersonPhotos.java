package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The photos a person is in.
 *
 * @param person the person, with every face
 * @param photos its photos, in face order
 */
@Serdeable
public record PersonPhotos(PersonInfo person, List<ClusterImage> photos) {}
