package io.clipsearch.api;

import io.clipsearch.api.config.FacesConfig;
import io.clipsearch.faces.FaceModels;
import io.clipsearch.people.FaceFinders;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.file.Path;

/**
 * The face nets as a bean: {@code clipsearch.faces.models} (default the installation's {@code
 * models/faces}), not loaded until a job first looks for a face; off when {@code
 * clipsearch.faces.enabled} is false. Closed at shutdown.
 */
@Factory
public final class FaceFactory {

  @Singleton
  @Bean(preDestroy = "close")
  FaceFinders faceFinders(FacesConfig config, @Value("${clipsearch.home:.}") String home) {
    if (!config.enabled()) {
      return FaceFinders.off();
    }
    return FaceFinders.open(
        config.models() != null ? config.models() : Path.of(home).resolve(FaceModels.FOLDER));
  }
}
