package io.clipsearch.api;

import io.clipsearch.api.config.DataConfig;
import io.clipsearch.api.config.ModelConfig;
import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.model.ActiveModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.model.LoadOptions;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The one place where the model becomes a bean: loaded once at start, as an {@link ActiveModel}
 * that a switch of model ({@link ModelActivationService}) can point elsewhere; closed at shutdown.
 *
 * <p>Which folder: {@link ModelSelection} (the configured {@code clipsearch.model.dir}; else the
 * model chosen in the app; else the bundled mini model, with a notice that a stronger model can be
 * pulled; else a clear error naming the ways to get a model).
 */
@Factory
public final class ModelFactory {

  @Singleton
  ModelSelection modelSelection(
      ModelConfig config, DataConfig data, @Value("${clipsearch.home:.}") String home) {
    return ModelSelection.resolve(config.folder(), data.dir(), Path.of(home));
  }

  @Singleton
  @Bean(preDestroy = "close")
  public ActiveModel clipModel(ModelSelection selection, ModelConfig config, DataConfig data) {
    Path folder = selection.folder();
    try {
      return new ActiveModel(folder, ClipModels.load(folder, loadOptions(config, data)));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot load the model in " + folder + ": " + e.getMessage(), e);
    }
  }

  /** How the server loads every model: at start and when the library switches. */
  static LoadOptions loadOptions(ModelConfig config, DataConfig data) {
    return LoadOptions.defaults()
        .withThreads(config.threads())
        .withFastDecode(config.fastDecode())
        .withMaxImagePixels(config.maxImagePixels())
        .withEngineNamed(config.engine())
        .withCacheDir(CollectionLayout.textTowersDir(data.dir()));
  }
}
