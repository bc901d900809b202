package io.clipsearch.api.types;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Indexed images and texts to compare ({@code POST /api/lab/matrix}).
 *
 * @param collection the images' collection (null: the server's default)
 * @param imageIds 1 to {@value #MAX_ITEMS} image ids of that collection (rows)
 * @param texts 1 to {@value #MAX_ITEMS} texts (columns)
 * @param logitScale softmax scale for the probabilities (null: 100, as released CLIP)
 */
@Serdeable
public record LabMatrixRequest(
    @Nullable String collection,
    @NotNull @NotEmpty @Size(max = MAX_ITEMS) List<@NotBlank String> imageIds,
    @NotNull @NotEmpty @Size(max = MAX_ITEMS) List<@NotNull String> texts,
    @Nullable @Positive Double logitScale) {
  public static final int MAX_ITEMS = 256;
}
