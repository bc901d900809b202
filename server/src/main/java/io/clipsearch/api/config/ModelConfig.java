package io.clipsearch.api.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.nio.file.Path;

/**
 * {@code clipsearch.model.*}: which CLIP model the server loads and how.
 *
 * @param dir the model folder ({@code CLIPSEARCH_MODEL_DIR}); empty for the bundled mini model
 *     ({@code <clipsearch.home>/models/clipsearch-mini}) if it exists
 * @param engine {@code onnx} or {@code pytorch}, or null for the folder's default
 * @param threads CPU threads, 0 for all cores
 * @param fastDecode decode large JPEGs at reduced scale while indexing (faster, slightly off the
 *     reference vectors)
 * @param maxImagePixels images above this many pixels are refused before decoding
 */
@ConfigurationProperties("clipsearch.model")
public record ModelConfig(
    @Nullable String dir,
    @Nullable String engine,
    @PositiveOrZero int threads,
    boolean fastDecode,
    @Positive long maxImagePixels) {

  /** The model folder, or null when none is configured. */
  @Nullable public Path folder() {
    return dir == null || dir.isBlank() ? null : Path.of(dir);
  }
}
