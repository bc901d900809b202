package io.clipsearch.api;

import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.model.EngineKind;
import io.clipsearch.model.LoadOptions;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The one place where the model becomes a bean: loaded once, closed at shutdown. */
@Factory
public final class ModelFactory {

  @Singleton
  @Bean(preDestroy = "close")
  public ClipModel clipModel(ModelConfig config) {
    if (config.folder() == null) {
      throw new IllegalStateException("no CLIP model configured: set clipsearch.model.dir"
          + " (CLIPSEARCH_MODEL_DIR, or --model), e.g. after 'clipsearch models pull ViT-B-32'");
    }
    LoadOptions options = LoadOptions.defaults().withThreads(config.threads())
        .withFastDecode(config.fastDecode());
    if (config.engine() != null && !config.engine().isBlank()) {
      options = options.withEngine(EngineKind.parse(config.engine()));
    }
    try {
      return ClipModels.load(config.folder(), options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the model in " + config.dir() + ": " + e.getMessage(), e);
    }
  }
}
