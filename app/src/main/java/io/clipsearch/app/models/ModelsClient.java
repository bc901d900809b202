package io.clipsearch.app.models;

import io.clipsearch.api.types.ActivationStatus;
import io.clipsearch.api.types.ModelList;
import io.clipsearch.api.types.PullStatus;
import io.clipsearch.app.net.ClipsearchClient;

/** The server calls the Models view makes (blocking; called on workers). A fake in tests. */
public interface ModelsClient {

  /** Every model the server knows of, with its state. */
  ModelList models();

  /** Starts pulling a model (or returns its running pull). */
  PullStatus pull(String model);

  /** How far a model's pull got. */
  PullStatus pullStatus(String model);

  /** Stops a model's pull; its files stay for the next one. */
  PullStatus cancelPull(String model);

  /** Starts switching the library to a model. */
  ActivationStatus activate(String model);

  /** How far the switch got. */
  ActivationStatus activation();

  /** Stops the switch; the old model stays. */
  ActivationStatus cancelActivation();

  static ModelsClient of(ClipsearchClient client) {
    return new ModelsClient() {
      @Override
      public ModelList models() {
        return client.models();
      }

      @Override
      public PullStatus pull(String model) {
        return client.pull(model);
      }

      @Override
      public PullStatus pullStatus(String model) {
        return client.pullStatus(model);
      }

      @Override
      public PullStatus cancelPull(String model) {
        return client.cancelPull(model);
      }

      @Override
      public ActivationStatus activate(String model) {
        return client.activate(model);
      }

      @Override
      public ActivationStatus activation() {
        return client.activation();
      }

      @Override
      public ActivationStatus cancelActivation() {
        return client.cancelActivation();
      }
    };
  }
}
