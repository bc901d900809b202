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
 * Zero-shot classification of indexed images ({@code POST /api/lab/zeroshot}).
 *
 * @param collection the images' collection (null: the server's default)
 * @param imageIds 1 to {@value #MAX_IMAGES} image ids of that collection
 * @param labels 2 to {@value #MAX_LABELS} class names
 * @param templates prompt templates, each with {@code {}} for the label (null: the 7-template
 *     OpenAI ImageNet subset); their embeddings are averaged per label
 * @param logitScale softmax scale (null: 100, as released CLIP)
 */
@Serdeable
public record LabZeroShotRequest(
    @Nullable String collection,
    @NotNull @NotEmpty @Size(max = MAX_IMAGES) List<@NotBlank String> imageIds,
    @NotNull @Size(min = 2, max = MAX_LABELS) List<@NotBlank String> labels,
    @Nullable @Size(min = 1, max = MAX_TEMPLATES) List<@NotBlank String> templates,
    @Nullable @Positive Double logitScale) {
  public static final int MAX_IMAGES = 256;
  public static final int MAX_LABELS = 1000;
  public static final int MAX_TEMPLATES = 80;
}
