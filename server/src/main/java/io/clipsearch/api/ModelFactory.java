package io.clipsearch.api;

import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.model.EngineKind;
import io.clipsearch.model.LoadOptions;
import io.clipsearch.model.mini.MiniClipModel;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the model becomes a bean: loaded once, closed at shutdown.
 *
 * <p>Resolution: {@code clipsearch.model.dir} when set; else the bundled mini model at {@code
 * <clipsearch.home>/models/clipsearch-mini} when that folder exists (with a notice that a stronger
 * model can be pulled); else a clear error naming both ways to get a model.
 */
@Factory
public final class ModelFactory {

  private static final Logger log = LoggerFactory.getLogger(ModelFactory.class);

  /** Where the bundled mini model lives under the installation's home. */
  static final String BUNDLED_MINI = "models/" + MiniClipModel.MODEL_NAME;

  @Singleton
  @Bean(preDestroy = "close")
  public ClipModel clipModel(ModelConfig config, @Value("${clipsearch.home:.}") String home) {
    Path folder = resolveFolder(config, Path.of(home));
    LoadOptions options = LoadOptions.defaults().withThreads(config.threads())
        .withFastDecode(config.fastDecode()).withMaxImagePixels(config.maxImagePixels());
    if (config.engine() != null && !config.engine().isBlank()) {
      options = options.withEngine(EngineKind.parse(config.engine()));
    }
    try {
      return ClipModels.load(folder, options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the model in " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * The folder to load: the configured one, else the bundled mini model if present.
   *
   * @throws IllegalStateException if neither is there, saying how to get a model
   */
  static Path resolveFolder(ModelConfig config, Path home) {
    if (config.folder() != null) {
      return config.folder();
    }
    Path mini = home.resolve(BUNDLED_MINI);
    if (Files.isDirectory(mini)) {
      log.info("no clipsearch.model.dir set: using the bundled mini model in {}. {}", mini, MiniClipModel.NOTICE);
      return mini;
    }
    throw new IllegalStateException("no CLIP model configured: set clipsearch.model.dir"
        + " (CLIPSEARCH_MODEL_DIR, or --model), e.g. after 'clipsearch models pull ViT-B-32',"
        + " or train the small offline model into " + mini + " with 'clipsearch train-mini'");
  }
}
