package io.clipsearch.cli;

import io.clipsearch.model.ClipModel;
import io.clipsearch.model.Scoring;
import picocli.CommandLine.Option;

/** {@code --logit-scale}: the lab commands that turn similarities into probabilities. */
final class LogitScaleOption {

  @Option(
      names = "--logit-scale",
      paramLabel = "S",
      description =
          "logit scale (default: the model's own: 100 for CLIP; SigLIP's from its folder)")
  Double logitScale;

  /** The model family's own scoring, at {@code --logit-scale} when given. */
  Scoring scoring(ClipModel model) {
    return logitScale == null ? model.scoring() : model.scoring().withLogitScale(logitScale);
  }
}
