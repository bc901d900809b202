package io.clipsearch.lab;

import io.clipsearch.model.ClipModel;
import io.clipsearch.model.Scoring;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Zero-shot classification accuracy of a model on an {@link ImageFolderDataset}.
 *
 * <p>Strategy: build a {@link ZeroShotClassifier} from the class names and templates (prompt
 * ensembling), embed every image, score images against classes by cosine and compute {@link
 * ClassificationMetrics}. Probabilities use the given {@link Scoring} (CLIP softmax or SigLIP
 * sigmoid); the model folders do not carry CLIP's learned logit scale, so it is a parameter (100 in
 * released CLIP). Images that cannot be decoded are reported and left out.
 *
 * <p>Not thread-safe per instance; the model is borrowed, not closed.
 */
public final class ZeroShotEvaluation {

  private final ClipModel model;
  private final Scoring scoring;

  /**
   * Probabilities by {@code scoring}: the model's own ({@link ClipModel#scoring()}) or an override.
   */
  public ZeroShotEvaluation(ClipModel model, Scoring scoring) {
    this.model = Objects.requireNonNull(model, "model");
    this.scoring = Objects.requireNonNull(scoring, "scoring");
  }

  /**
   * Runs the evaluation, reporting image progress to {@code progress} on the calling thread.
   *
   * @throws IllegalArgumentException if no image of the dataset could be embedded
   * @throws io.clipsearch.model.EmbeddingException if the engine fails
   */
  public ZeroShotResult run(
      ImageFolderDataset dataset, PromptTemplates templates, Consumer<Progress> progress) {
    long start = System.nanoTime();
    ZeroShotClassifier classifier =
        ZeroShotClassifier.build(model, dataset.classNames(), templates);
    long imagesStart = System.nanoTime();
    List<LabeledImage> images = dataset.images();
    ImageVectors embedded =
        ImageVectors.embed(model, images.stream().map(LabeledImage::file).toList(), progress);
    if (embedded.vectors().isEmpty()) {
      throw new IllegalArgumentException("no image of " + dataset.root() + " could be embedded");
    }
    double imageSeconds = (System.nanoTime() - imagesStart) / 1e9;
    List<String> names = new ArrayList<>();
    int[] truth = new int[embedded.indices().size()];
    for (int i = 0; i < truth.length; i++) {
      LabeledImage image = images.get(embedded.indices().get(i));
      names.add(dataset.root().relativize(image.file()).toString());
      truth[i] = image.label();
    }
    SimilarityMatrix scores = classifier.scores(names, embedded.vectors());
    float[][] probabilities = scores.rowProbabilities(scoring);
    double trueProbability = 0;
    for (int i = 0; i < truth.length; i++) {
      trueProbability += probabilities[i][truth[i]];
    }
    return new ZeroShotResult(
        model.info().id(),
        dataset.root().toString(),
        templates.name(),
        templates.templates().size(),
        scoring.logitScale(),
        ClassificationMetrics.of(scores, truth),
        trueProbability / truth.length,
        embedded.failures(),
        (System.nanoTime() - start) / 1e9,
        images.size() / imageSeconds);
  }
}
