package io.clipsearch.api.config;

import io.clipsearch.install.ClipsearchFolders;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;

/**
 * {@code clipsearch.data.*}: where collections (indexes, thumbnails, reports) live.
 *
 * @param dir the data folder ({@code CLIPSEARCH_DATA_DIR}); unset: {@link ClipsearchFolders#data()}
 *     (the XDG data folder of an installed program, {@code work/data} of a source checkout)
 * @param defaultCollection the collection used when a request names none
 * @param vectorFormat vector format of new collections: float32, int8, int4 or bbq; unset: {@link
 *     io.clipsearch.collection.CollectionConfig#DEFAULT_FORMAT} (int8), as in the CLI
 */
@ConfigurationProperties("clipsearch.data")
public record DataConfig(
    @Nullable Path dir, @NotBlank String defaultCollection, @Nullable String vectorFormat) {

  public DataConfig {
    if (dir == null || dir.toString().isEmpty()) {
      dir = ClipsearchFolders.current().data();
    }
  }
}
