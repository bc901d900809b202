package io.clipsearch.search;

import io.clipsearch.model.ClipModel;
import io.clipsearch.model.Vectors;
import io.clipsearch.model.ZeroVectorException;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a parsed query (and optionally an uploaded image) into one unit query vector: the weighted
 * sum of the parts' unit embeddings, renormalized. A negative weight subtracts its part, which is
 * how "beach -people" steers away from people (rclip's and Immich users' approach). Text parts are
 * embedded in one batch; {@code like:<id>} parts use the image's indexed vector.
 *
 * <p>Thread-safe if the model and the vector lookup are (ClipModel is).
 */
public final class QueryVectorBuilder {

  /** Prompts whose vectors are kept for repeated searches (paging, filters, sorting). */
  static final int TEXT_CACHE_SIZE = 1024;

  /** Where {@code like:<id>} finds an indexed image's vector. */
  @FunctionalInterface
  public interface ImageVectors {
    /** The unit vector of the image with this content id, if indexed. */
    Optional<float[]> vectorOf(String imageId) throws IOException;
  }

  private final ClipModel model;
  private final TextEmbeddingCache texts;

  public QueryVectorBuilder(ClipModel model) {
    this.model = Objects.requireNonNull(model, "model");
    this.texts = new TextEmbeddingCache(model, TEXT_CACHE_SIZE);
  }

  /**
   * The query vector of a parsed query and/or an uploaded image (weight 1); {@code like:} parts
   * take their vectors from {@code images}.
   *
   * @throws IllegalArgumentException if both are empty, or the parts cancel out
   * @throws UnknownImageException if a {@code like:} id is not indexed
   * @throws ImageDecodeException if the uploaded image cannot be decoded
   * @throws IOException if the index cannot be read
   */
  public float[] build(
      Optional<ParsedQuery> query, Optional<ImageSource> upload, ImageVectors images)
      throws IOException, ImageDecodeException {
    if (query.isEmpty() && upload.isEmpty()) {
      throw new IllegalArgumentException("a search needs a query, an image, or both");
    }
    List<float[]> vectors = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    if (upload.isPresent()) {
      vectors.add(model.embedImage(upload.get()));
      weights.add(1.0);
    }
    List<QueryTerm> terms = query.map(ParsedQuery::terms).orElse(List.of());
    List<String> texts = new ArrayList<>();
    List<Double> textWeights = new ArrayList<>();
    for (QueryTerm term : terms) {
      switch (term) {
        case QueryTerm.Text t -> {
          texts.add(t.text());
          textWeights.add(t.weight());
        }
        case QueryTerm.Like l -> {
          vectors.add(
              images
                  .vectorOf(l.imageId())
                  .orElseThrow(() -> new UnknownImageException(l.imageId())));
          weights.add(l.weight());
        }
      }
    }
    if (!texts.isEmpty()) {
      vectors.addAll(this.texts.embed(texts));
      weights.addAll(textWeights);
    }
    return combine(vectors, weights, model.dimension());
  }

  /**
   * The renormalized weighted sum of unit vectors.
   *
   * @throws IllegalArgumentException if a vector's dimension is not {@code dimension}, or the sum
   *     has no direction ({@link Vectors#MIN_NORM}): never a zero vector, whose scores would all be
   *     0 or NaN
   */
  static float[] combine(List<float[]> vectors, List<Double> weights, int dimension) {
    double[] sum = new double[dimension];
    for (int v = 0; v < vectors.size(); v++) {
      float[] vector = vectors.get(v);
      if (vector.length != dimension) {
        throw new IllegalArgumentException(
            "a query vector has dimension " + vector.length + ", the model's is " + dimension);
      }
      double w = weights.get(v);
      for (int d = 0; d < dimension; d++) {
        sum[d] += w * vector[d];
      }
    }
    try {
      return Vectors.unit(sum);
    } catch (ZeroVectorException e) {
      throw new IllegalArgumentException(
          "the query's parts cancel each other out: nothing is left to search for", e);
    }
  }
}
