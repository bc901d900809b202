package io.clipsearch.model;

import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A CLIP model: text and images into one embedding space.
 *
 * <p>Every vector returned is L2-normalized, so a dot product is the cosine similarity; callers
 * never normalize. A batch call returns the same vectors as the corresponding single calls.
 * Implementations are thread-safe and own native resources: close the model when done (after which
 * every call fails). The engine stays behind this interface: callers see texts, image files and
 * vectors, never tensors of an engine.
 *
 * <pre>{@code
 * try (ClipModel model = ClipModels.load(Path.of("models/ViT-B-32__openai"))) {
 *   float[] query = model.embedText("an osprey at sunset");
 *   List<ImageEmbedding> photos = model.embedImages(sources);
 * }
 * }</pre>
 */
public interface ClipModel extends AutoCloseable {

  /** The name of a model folder's {@link #cacheDir}: a dot name, apart from the model's files. */
  String CACHE_DIR = ".cache";

  /** What this model is: its id (the one an index records), dimension, engine and inputs. */
  ModelInfo info();

  /**
   * A line to show people while this model is in use (such as that a stronger model can be pulled),
   * or empty.
   */
  default Optional<String> notice() {
    return Optional.empty();
  }

  /**
   * How this model's cosines become label probabilities: CLIP's softmax unless the family differs.
   */
  default Scoring scoring() {
    return Scoring.clip();
  }

  /**
   * A folder beside the model's own files where what is computed once per model may be kept (the
   * tag vocabulary's class vectors, {@link ClassVectorCache}), so that every data folder on the
   * machine finds it; empty for a model without a folder. It may not exist or not be writable.
   */
  default Optional<Path> cacheDir() {
    return Optional.empty();
  }

  /** Embedding dimension. */
  default int dimension() {
    return info().dimension();
  }

  /**
   * Embeds texts, one vector per text, in order.
   *
   * @throws EmbeddingException if the engine fails
   */
  List<float[]> embedTexts(List<String> texts);

  /** Embeds one text. */
  default float[] embedText(String text) {
    return embedTexts(List.of(text)).getFirst();
  }

  /**
   * This model's image pipeline: decode, a hook on the decoded image, preprocess, the image tower
   * in batches. For callers that see the decoded pixels (ingest writing thumbnails) or drive the
   * stages on their own threads.
   *
   * @throws IllegalStateException if the model is closed
   */
  ImagePipeline images();

  /**
   * Decodes, preprocesses and embeds images, one result per image, in order. An image that cannot
   * be decoded gives a {@link ImageEmbedding.Failed} naming the reason; the others still embed.
   * Decoding of later images overlaps inference of earlier ones.
   *
   * @throws EmbeddingException if the engine fails
   */
  default List<ImageEmbedding> embedImages(List<ImageSource> images) {
    return images().embed(images, ImagePipeline.DecodeHook.NONE);
  }

  /**
   * Embeds one image.
   *
   * @throws ImageDecodeException if it cannot be decoded
   */
  default float[] embedImage(ImageSource image) throws ImageDecodeException {
    return switch (embedImages(List.of(image)).getFirst()) {
      case ImageEmbedding.Embedded e -> e.vector();
      case ImageEmbedding.Failed f -> throw f.error();
    };
  }

  /** Releases engine sessions, predictors and threads. */
  @Override
  void close();
}
