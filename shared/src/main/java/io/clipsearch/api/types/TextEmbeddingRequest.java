package io.clipsearch.api.types;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Texts to embed.
 *
 * @param texts one to {@value #MAX_TEXTS} texts
 */
@Serdeable
public record TextEmbeddingRequest(
    @NotNull @NotEmpty @Size(max = MAX_TEXTS) List<@NotNull String> texts) {
  public static final int MAX_TEXTS = 256;
}
