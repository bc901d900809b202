package io.clipsearch.api;

import io.clipsearch.api.security.Mutating;
import io.clipsearch.api.types.ActivationStatus;
import io.clipsearch.api.types.ModelList;
import io.clipsearch.api.types.PullStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * The models of the Models view: the list, pulls (start, status, cancel) and the switch of the
 * library to another model (start, status, cancel). Every change needs the token.
 */
@Controller("/api/models")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ModelsController {

  private final ModelCatalogService catalog;
  private final ModelPullService pulls;
  private final ModelActivationService activation;

  public ModelsController(
      ModelCatalogService catalog, ModelPullService pulls, ModelActivationService activation) {
    this.catalog = catalog;
    this.pulls = pulls;
    this.activation = activation;
  }

  @Get
  public ModelList list() {
    return catalog.list();
  }

  @Post("/{name}/pull")
  @Mutating
  public PullStatus pull(String name) {
    return pulls.start(name);
  }

  @Get("/{name}/pull")
  public PullStatus pullStatus(String name) {
    return pulls.status(name);
  }

  @Delete("/{name}/pull")
  @Mutating
  public PullStatus cancelPull(String name) {
    return pulls.cancel(name);
  }

  @Post("/{name}/activate")
  @Mutating
  public ActivationStatus activate(String name) {
    return activation.start(name);
  }

  @Get("/activation")
  public ActivationStatus activationStatus() {
    return activation.status();
  }

  @Delete("/activation")
  @Mutating
  public ActivationStatus cancelActivation() {
    return activation.cancel();
  }
}
