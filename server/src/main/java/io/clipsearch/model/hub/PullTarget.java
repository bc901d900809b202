package io.clipsearch.model.hub;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What one pull fetches and where to: the model and its folder. The pieces of a pull name both in
 * their messages.
 *
 * @param model the model being pulled
 * @param dir its folder, {@code <modelsDir>/<model.name()>}
 */
record PullTarget(KnownModel model, Path dir) {

  PullTarget {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(dir, "dir");
  }

  /** {@code repo@revision}, as messages name the repository. */
  String repoAtRevision() {
    return model.repo() + "@" + model.revision();
  }
}
