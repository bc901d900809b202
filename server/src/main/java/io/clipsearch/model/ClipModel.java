package io.clipsearch.model;

import io.clipsearch.model.image.DecodedFile;
import io.clipsearch.model.image.DecodedImage;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageSource;
import java.util.List;
import java.util.Optional;

/**
 * A CLIP model: text and images into one embedding space.
 *
 * <p>Every vector returned is L2-normalized, so a dot product is the cosine similarity; callers
 * never normalize. A batch call returns the same vectors as the corresponding single calls.
 * Implementations are thread-safe and own native resources: close the model when done (after which
 * every call fails).
 *
 * <pre>{@code
 * try (ClipModel model = ClipModels.load(Path.of("models/ViT-B-32__openai"))) {
 *   float[] query = model.embedText("an osprey at sunset");
 *   List<ImageEmbedding> photos = model.embedImages(sources);
 * }
 * }</pre>
 */
public interface ClipModel extends AutoCloseable {

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

  /** Embedding dimension. */
  default int dimension() {
    return info().dimension();
  }

  /**
   * Token ids of a text as the model sees them: SOT … EOT, unpadded, truncated to the context
   * length with EOT kept last.
   */
  int[] tokenize(String text);

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
   * Decodes, preprocesses and embeds images, one result per image, in order. An image that cannot
   * be decoded gives a {@link ImageEmbedding.Failed} naming the reason; the others still embed.
   * Decoding of later images overlaps inference of earlier ones.
   *
   * @throws EmbeddingException if the engine fails
   */
  List<ImageEmbedding> embedImages(List<ImageSource> images);

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

  /**
   * Decodes an image as this model's {@link #embedImages} does (pixel cap, EXIF orientation, fast
   * JPEG decoding if the model was loaded with it): for callers that need the pixels too, such as
   * ingest making thumbnails, and then call {@link #preprocess} and {@link #embedImageTensors}.
   *
   * @throws ImageDecodeException if it cannot be decoded
   */
  default DecodedImage decode(ImageSource image) throws ImageDecodeException {
    return decodeFile(image).image();
  }

  /**
   * Decodes an image as {@link #decode} does, with the metadata parsed from its header on the way
   * (EXIF and the rest), so ingest reads a photo's facts without parsing the file again.
   *
   * @throws ImageDecodeException if it cannot be decoded
   */
  DecodedFile decodeFile(ImageSource image) throws ImageDecodeException;

  /** The model's input tensor for decoded pixels (CHW float32, normalized). */
  float[] preprocess(DecodedImage image);

  /**
   * Embeds already-preprocessed image tensors (CHW float32, normalized, of the model's image size):
   * for research and for checking against reference tensors.
   *
   * @throws IllegalArgumentException if a tensor has the wrong length
   */
  List<float[]> embedImageTensors(List<float[]> tensors);

  /** Releases engine sessions, predictors and threads. */
  @Override
  void close();
}
