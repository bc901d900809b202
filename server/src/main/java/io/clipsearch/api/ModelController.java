package io.clipsearch.api;

import io.clipsearch.api.types.ModelDescription;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ModelInfo;
import io.clipsearch.model.mini.MiniClipModel;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code GET /api/model}: which model this server embeds with. */
@Controller("/api/model")
public class ModelController {

  private final ClipModel model;

  public ModelController(ClipModel model) {
    this.model = model;
  }

  @Get
  public ModelDescription model() {
    ModelInfo info = model.info();
    return new ModelDescription(info.id(), info.name(), info.dimension(), info.imageSize(),
        info.contextLength(), info.engine().name(),
        model instanceof MiniClipModel ? MiniClipModel.NOTICE : null);
  }
}
