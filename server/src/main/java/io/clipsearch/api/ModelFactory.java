package io.clipsearch.api;

import io.clipsearch.api.config.DataConfig;
import io.clipsearch.api.config.ModelConfig;
import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.model.BundledModel;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.model.LoadOptions;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the model becomes a bean: loaded once, closed at shutdown.
 *
 * <p>Resolution ({@link BundledModel}): {@code clipsearch.model.dir} when set; else the bundled
 * mini model at {@code <clipsearch.home>/models/clipsearch-mini} when that folder exists (with a
 * notice that a stronger model can be pulled); else a clear error naming both ways to get a model.
 */
@Factory
public final class ModelFactory {

  private static final Logger log = LoggerFactory.getLogger(ModelFactory.class);

  @Singleton
  @Bean(preDestroy = "close")
  public ClipModel clipModel(
      ModelConfig config, DataConfig data, @Value("${clipsearch.home:.}") String home) {
    Path folder = BundledModel.resolve(config.folder(), Path.of(home));
    LoadOptions options =
        LoadOptions.defaults()
            .withThreads(config.threads())
            .withFastDecode(config.fastDecode())
            .withMaxImagePixels(config.maxImagePixels())
            .withEngineNamed(config.engine())
            .withCacheDir(CollectionLayout.textTowersDir(data.dir()));
    try {
      return ClipModels.load(folder, options);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot load the model in " + folder + ": " + e.getMessage(), e);
    }
  }
}
