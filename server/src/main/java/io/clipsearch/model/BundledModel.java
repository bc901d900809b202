package io.clipsearch.model;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which model folder to load when none is configured: the bundled mini model under the
 * installation's home ({@code <home>/models/clipsearch-mini}), with a notice that a stronger model
 * can be pulled; a configured folder always wins. The server's model bean and the command line's
 * {@code --model} resolve the same way, then load the folder with {@link ClipModels#load(Path,
 * LoadOptions)}. Stateless.
 */
public final class BundledModel {

  private static final Logger log = LoggerFactory.getLogger(BundledModel.class);

  /**
   * The bundled model's name: its folder's name, and the mini family's {@code config.json} marker.
   */
  public static final String NAME = "clipsearch-mini";

  /** Where the bundled mini model lives under the installation's home. */
  public static final String FOLDER = "models/" + NAME;

  /** Shown to people (e.g. in {@code /api/model}) while the mini model is in use. */
  public static final String NOTICE =
      "Using the small bundled model (clipsearch-mini); a stronger model can be pulled with"
          + " 'clipsearch models pull ViT-B-32'.";

  private BundledModel() {}

  /**
   * The folder to load.
   *
   * @param configured the configured folder, or null
   * @param home the installation's home ({@code clipsearch.home}, set by the launcher)
   * @throws IllegalStateException if nothing is configured and the mini model is not there, saying
   *     how to get a model
   */
  public static Path resolve(Path configured, Path home) {
    if (configured != null) {
      return configured;
    }
    Path mini = home.resolve(FOLDER);
    if (Files.isDirectory(mini)) {
      log.info("no model configured: using the bundled mini model in {}. {}", mini, NOTICE);
      return mini;
    }
    throw new IllegalStateException(
        "no CLIP model configured: set clipsearch.model.dir"
            + " (CLIPSEARCH_MODEL_DIR, or --model), e.g. after 'clipsearch models pull ViT-B-32',"
            + " or train the small offline model into "
            + mini
            + " with 'clipsearch train-mini'");
  }
}
