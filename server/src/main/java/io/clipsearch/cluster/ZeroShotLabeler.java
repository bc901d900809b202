package io.clipsearch.cluster;

import io.clipsearch.model.ClassVectorCache;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.PromptEnsemble;
import io.clipsearch.model.Vectors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Zero-shot labels for image-side vectors (cluster centroids or single images).
 *
 * <p>Prompt ensembling, as in CLIP's paper ({@link PromptEnsemble}): each label is embedded in
 * every template, the template embeddings are averaged and renormalized, which gives a steadier
 * label vector than any one prompt. A vector's labels are then ranked by cosine. The label vectors
 * are computed once, at construction (batched calls to the encoder), or read from a {@link
 * ClassVectorCache} where this model computed them before ({@link #of}). Immutable and thread-safe
 * afterwards.
 */
public final class ZeroShotLabeler {

  /** At most this many tags per image ({@link #imageTags}). */
  public static final int IMAGE_TAGS = 3;

  /**
   * How far below an image's best label another may score and still tag it ({@link #imageTags}).
   * CLIP's image-text cosines spread little (about 0.2-0.35 for ViT-B/32), so a hundredth already
   * separates a clear winner from a near-tie.
   */
  public static final double IMAGE_TAG_MARGIN = 0.01;

  /** The class vectors' folder in a model's own cache folder. */
  private static final String CLASS_VECTORS_DIR = "class-vectors";

  private final LabelVocabulary vocabulary;
  private final float[][] labelVectors;

  /**
   * A labeler whose label vectors {@code encoder} computes now.
   *
   * @throws IllegalStateException if the encoder returns the wrong number of vectors
   */
  public ZeroShotLabeler(LabelVocabulary vocabulary, TextEncoder encoder) {
    this(vocabulary, vocabulary.ensemble().classVectors(vocabulary.labels(), encoder::embed));
  }

  private ZeroShotLabeler(LabelVocabulary vocabulary, List<float[]> labelVectors) {
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.labelVectors = labelVectors.toArray(float[][]::new);
  }

  /**
   * A labeler for {@code model}'s vectors, its label vectors read from {@code cache} or the model's
   * own cache folder ({@link ClipModel#cacheDir}) when this model embedded this vocabulary before,
   * else computed by the model's text tower and stored in both.
   *
   * @throws IllegalStateException if the model returns the wrong number of vectors
   */
  public static ZeroShotLabeler of(
      LabelVocabulary vocabulary, ClipModel model, ClassVectorCache cache) {
    return new ZeroShotLabeler(
        vocabulary,
        cache
            .alsoIn(model.cacheDir().map(dir -> dir.resolve(CLASS_VECTORS_DIR)))
            .classVectors(
                model.info(), vocabulary.ensemble(), vocabulary.labels(), model::embedTexts));
  }

  LabelVocabulary vocabulary() {
    return vocabulary;
  }

  /**
   * The {@code n} best labels of a vector, best first.
   *
   * @throws IllegalArgumentException if {@code n < 1} or the vector's dimension is not the labels'
   */
  public List<LabelScore> top(float[] vector, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    if (vector.length != labelVectors[0].length) {
      throw new IllegalArgumentException(
          "vector has dimension " + vector.length + ", labels " + labelVectors[0].length);
    }
    List<LabelScore> all = new ArrayList<>(labelVectors.length);
    for (int l = 0; l < labelVectors.length; l++) {
      all.add(new LabelScore(vocabulary.labels().get(l), Vectors.dot(vector, labelVectors[l])));
    }
    all.sort(Comparator.comparingDouble(LabelScore::score).reversed());
    return List.copyOf(all.subList(0, Math.min(n, all.size())));
  }

  /**
   * An image's tags: its best label, and up to {@code max - 1} more whose cosine is within {@code
   * margin} of the best (a near-tie means the image shows both; a clear winner stands alone).
   *
   * @throws IllegalArgumentException if {@code max < 1} or {@code margin < 0}
   */
  public List<String> tags(float[] vector, int max, double margin) {
    if (margin < 0) {
      throw new IllegalArgumentException("margin must be >= 0, got " + margin);
    }
    List<LabelScore> best = top(vector, max);
    double floor = best.getFirst().score() - margin;
    return best.stream().filter(s -> s.score() >= floor).map(LabelScore::label).toList();
  }

  /**
   * The tags stored with an image at index time: {@link #tags} with {@link #IMAGE_TAGS} and {@link
   * #IMAGE_TAG_MARGIN}; at least one.
   *
   * @throws IllegalArgumentException if the vector's dimension is not the labels'
   */
  public List<String> imageTags(float[] vector) {
    return tags(vector, IMAGE_TAGS, IMAGE_TAG_MARGIN);
  }
}
