package io.clipsearch.api.config;

import io.clipsearch.install.ClipsearchFolders;
import io.clipsearch.model.hub.ModelDownloader;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.nio.file.Path;

/**
 * {@code clipsearch.models.*}: where the server pulls models to (the Models view of the app) and
 * from where.
 *
 * @param dir the models folder ({@code CLIPSEARCH_MODELS_DIR}); unset: {@link
 *     ClipsearchFolders#models()}, as {@code clipsearch models pull}
 * @param hubUrl the Hugging Face Hub or a mirror ({@code CLIPSEARCH_MODELS_HUB_URL}); unset: {@code
 *     HF_ENDPOINT}, else {@code https://huggingface.co}, as {@code clipsearch models pull}
 * @param hubToken an access token for gated repositories; unset: {@code HF_TOKEN}
 */
@ConfigurationProperties("clipsearch.models")
public record ModelsConfig(@Nullable Path dir, @Nullable String hubUrl, @Nullable String hubToken) {

  public ModelsConfig {
    if (dir == null || dir.toString().isEmpty()) {
      dir = ClipsearchFolders.current().models();
    }
  }

  /** The hub's address. */
  public URI hub() {
    return hubUrl == null || hubUrl.isBlank()
        ? ModelDownloader.baseUrlFromEnvironment()
        : URI.create(hubUrl.strip());
  }

  /** The access token, or null for none. */
  @Nullable public String token() {
    return hubToken == null || hubToken.isBlank() ? System.getenv("HF_TOKEN") : hubToken;
  }
}
