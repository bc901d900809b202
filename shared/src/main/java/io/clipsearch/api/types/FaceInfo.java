package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One face of a person.
 *
 * @param id {@code <image id>-<n>}: what a split names
 * @param imageId the photo it was found in
 * @param cropUrl where its 128-px crop is served
 */
@Serdeable
public record FaceInfo(String id, String imageId, String cropUrl) {}
