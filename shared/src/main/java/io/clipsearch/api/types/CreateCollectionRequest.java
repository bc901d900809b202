package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * Creates a collection, or adds folders to an existing one.
 *
 * @param name letters, digits, '-', '_' (it names a folder)
 * @param roots absolute folders to index
 * @param vectorFormat float32, int8, int4 or bbq (null: the server's default); fixed at creation
 */
@Serdeable
public record CreateCollectionRequest(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String name,
    @NotNull @NotEmpty List<@NotBlank String> roots,
    @Nullable String vectorFormat) {}
