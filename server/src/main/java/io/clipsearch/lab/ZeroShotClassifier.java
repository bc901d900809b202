package io.clipsearch.lab;

import io.clipsearch.model.ClipModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A zero-shot classifier: one unit vector per class, from prompt ensembling. Immutable; vectors
 * are copied.
 *
 * <p>Ensembling as in CLIP: each class's prompts (one per template) are embedded, the normalized
 * text embeddings averaged, and the mean renormalized. An image's class scores are its cosines to
 * these vectors.
 *
 * @param classNames the classes, in order
 * @param templates the templates the vectors were built from
 * @param classVectors one unit vector per class
 */
public record ZeroShotClassifier(List<String> classNames, PromptTemplates templates, List<float[]> classVectors) {

  public ZeroShotClassifier {
    classNames = List.copyOf(classNames);
    classVectors = classVectors.stream().map(float[]::clone).toList();
    if (classNames.isEmpty() || classNames.size() != classVectors.size()) {
      throw new IllegalArgumentException(classNames.size() + " class names for " + classVectors.size() + " vectors");
    }
  }

  /**
   * Embeds every class's prompts in one call and ensembles them.
   *
   * @throws IllegalArgumentException if there are no classes
   * @throws io.clipsearch.model.EmbeddingException if the engine fails
   */
  public static ZeroShotClassifier build(ClipModel model, List<String> classNames, PromptTemplates templates) {
    if (classNames.isEmpty()) {
      throw new IllegalArgumentException("no classes");
    }
    List<String> prompts = new ArrayList<>();
    classNames.forEach(name -> prompts.addAll(templates.prompts(name)));
    List<float[]> embedded = model.embedTexts(prompts);
    int per = templates.templates().size();
    List<float[]> vectors = new ArrayList<>(classNames.size());
    for (int c = 0; c < classNames.size(); c++) {
      vectors.add(meanDirection(embedded.subList(c * per, (c + 1) * per)));
    }
    return new ZeroShotClassifier(classNames, templates, vectors);
  }

  /** The normalized mean of unit vectors. */
  static float[] meanDirection(List<float[]> vectors) {
    float[] mean = new float[vectors.getFirst().length];
    for (float[] v : vectors) {
      for (int i = 0; i < mean.length; i++) {
        mean[i] += v[i] / vectors.size();
      }
    }
    double norm = Math.sqrt(SimilarityMatrix.dot(mean, mean));
    if (norm == 0) {
      throw new IllegalArgumentException("the prompts' embeddings cancel out: their mean is zero");
    }
    for (int i = 0; i < mean.length; i++) {
      mean[i] /= (float) norm;
    }
    return mean;
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
    if (!(o instanceof ZeroShotClassifier z) || !classNames.equals(z.classNames) || !templates.equals(z.templates)) {
      return false;
    }
    for (int i = 0; i < classVectors.size(); i++) {
      if (!java.util.Arrays.equals(classVectors.get(i), z.classVectors.get(i))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 31 * classNames.hashCode() + templates.hashCode();
    for (float[] v : classVectors) {
      h = 31 * h + java.util.Arrays.hashCode(v);
    }
    return h;
  }

  @Override
  public String toString() {
    return "ZeroShotClassifier[" + classNames.size() + " classes, " + templates.name() + "]";
  }
}
