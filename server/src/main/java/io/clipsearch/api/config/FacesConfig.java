package io.clipsearch.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;

/**
 * {@code clipsearch.faces.*}: whether index jobs find the faces in photos, and with which nets.
 *
 * @param enabled find faces while indexing (on by default); off, no face is looked for and nothing
 *     is stored, while faces stored before stay until their photos or persons are deleted
 * @param models the face-models folder; unset: the installation's {@code models/faces}
 */
@ConfigurationProperties("clipsearch.faces")
public record FacesConfig(
    @Bindable(defaultValue = "true") boolean enabled, @Nullable Path models) {}
