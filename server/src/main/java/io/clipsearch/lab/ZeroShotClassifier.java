package io.clipsearch.lab;

import io.clipsearch.model.ClipModel;
import io.clipsearch.model.PromptEnsemble;
import java.util.Arrays;
import java.util.List;

/**
 * A zero-shot classifier: one unit vector per class, from prompt ensembling. Immutable; vectors are
 * copied.
 *
 * <p>Ensembling as in CLIP ({@link PromptEnsemble}): each class's prompts (one per template) are
 * embedded, the normalized text embeddings averaged, and the mean renormalized. An image's class
 * scores are its cosines to these vectors.
 *
 * @param classNames the classes, in order
 * @param templates the templates the vectors were built from
 * @param classVectors one unit vector per class
 */
public record ZeroShotClassifier(
    List<String> classNames, PromptTemplates templates, List<float[]> classVectors) {

  public ZeroShotClassifier {
    classNames = List.copyOf(classNames);
    classVectors = classVectors.stream().map(float[]::clone).toList();
    if (classNames.isEmpty() || classNames.size() != classVectors.size()) {
      throw new IllegalArgumentException(
          classNames.size() + " class names for " + classVectors.size() + " vectors");
    }
  }

  /**
   * Embeds every class's prompts and ensembles them.
   *
   * @throws IllegalArgumentException if there are no classes
   * @throws io.clipsearch.model.EmbeddingException if the engine fails
   */
  public static ZeroShotClassifier build(
      ClipModel model, List<String> classNames, PromptTemplates templates) {
    return new ZeroShotClassifier(
        classNames, templates, templates.ensemble().classVectors(classNames, model::embedTexts));
  }

  @Override
  public List<float[]> classVectors() {
    return classVectors.stream().map(float[]::clone).toList();
  }

  /** Cosines of images (rows, labeled) against the classes (columns). */
  public SimilarityMatrix scores(List<String> imageLabels, List<float[]> images) {
    return SimilarityMatrix.of(imageLabels, images, classNames, classVectors);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ZeroShotClassifier z)
        || !classNames.equals(z.classNames)
        || !templates.equals(z.templates)) {
      return false;
    }
    for (int i = 0; i < classVectors.size(); i++) {
      if (!Arrays.equals(classVectors.get(i), z.classVectors.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 31 * classNames.hashCode() + templates.hashCode();
    for (float[] v : classVectors) {
      h = 31 * h + Arrays.hashCode(v);
    }
    return h;
  }

  @Override
  public String toString() {
    return "ZeroShotClassifier[" + classNames.size() + " classes, " + templates.name() + "]";
  }
}
