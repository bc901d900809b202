package io.clipsearch.model.hub;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A published CLIP model that {@link ModelDownloader} can pull: where it lives on the Hugging Face
 * Hub and what to tell people about it before they download it.
 *
 * <p>Immutable and validated at construction.
 *
 * @param name the local name, also the folder name under the models directory (e.g. {@code
 *     ViT-B-32})
 * @param repo the Hub repository, {@code owner/name} (e.g. {@code immich-app/ViT-B-32__openai})
 * @param revision the branch, tag or commit to pull (e.g. {@code main})
 * @param dimension the embedding dimension the model produces
 * @param license the weights' license, short (e.g. {@code MIT (OpenAI CLIP)})
 * @param languages the languages its text tower reads, for people (e.g. {@code English})
 * @param approxDownloadBytes roughly how many bytes a pull transfers, for display only
 * @param description one line for listings: what it is good at
 */
public record KnownModel(
    String name,
    String repo,
    String revision,
    int dimension,
    String license,
    String languages,
    long approxDownloadBytes,
    String description) {

  // Names become folder names and URL path segments: keep them to characters safe for both.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9._-]+");

  /**
   * @throws NullPointerException if any text is null
   * @throws IllegalArgumentException if the name, repo or revision has characters unsafe in a
   *     folder name or URL, or the dimension or size is not positive
   */
  public KnownModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(license, "license");
    Objects.requireNonNull(languages, "languages");
    Objects.requireNonNull(description, "description");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("model name must match " + NAME + ": '" + name + "'");
    }
    if (!REPO.matcher(repo).matches()) {
      throw new IllegalArgumentException("repo must be owner/name: '" + repo + "'");
    }
    if (!NAME.matcher(revision).matches()) {
      throw new IllegalArgumentException("revision must match " + NAME + ": '" + revision + "'");
    }
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be positive: " + dimension);
    }
    if (approxDownloadBytes <= 0) {
      throw new IllegalArgumentException(
          "approxDownloadBytes must be positive: " + approxDownloadBytes);
    }
  }
}
