package io.clipsearch.api;

import io.clipsearch.api.types.ModelDescription;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code GET /api/model}: which model this server embeds with. */
@Controller("/api/model")
public class ModelController {

  private final ModelService models;

  public ModelController(ModelService models) {
    this.models = models;
  }

  @Get
  public ModelDescription model() {
    return models.describe();
  }
}
