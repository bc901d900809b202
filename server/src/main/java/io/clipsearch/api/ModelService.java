package io.clipsearch.api;

import io.clipsearch.api.types.Embedding;
import io.clipsearch.api.types.EmbeddingResponse;
import io.clipsearch.api.types.ModelDescription;
import io.clipsearch.api.types.TextEmbeddingRequest;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ModelInfo;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageSource;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The served model over HTTP: what it is ({@code GET /api/model}) and embeddings for researchers
 * ({@code POST /api/embed/text}, {@code /api/embed/image}). Maps API types to {@code model}; knows
 * no model family. Thread-safe, as {@link ClipModel} is.
 */
@Singleton
public class ModelService {

  private final ClipModel model;

  public ModelService(ClipModel model) {
    this.model = model;
  }

  /** The model's identity and shapes, with its notice (such as the mini model's) if it has one. */
  public ModelDescription describe() {
    ModelInfo info = model.info();
    return new ModelDescription(
        info.id(),
        info.name(),
        info.dimension(),
        info.imageSize(),
        info.contextLength(),
        info.engine().name(),
        model.notice().orElse(null));
  }

  /**
   * One embedding per text, in order.
   *
   * @throws IllegalArgumentException if the list is missing or holds a null
   */
  public EmbeddingResponse embedTexts(TextEmbeddingRequest request) {
    List<String> texts = RequestLists.noNulls("texts", request.texts());
    List<float[]> vectors = model.embedTexts(texts);
    List<Embedding> out = new ArrayList<>(vectors.size());
    for (int i = 0; i < vectors.size(); i++) {
      out.add(new Embedding(texts.get(i), vectors.get(i)));
    }
    return new EmbeddingResponse(model.info().id(), out);
  }

  /**
   * The embedding of an image sent as bytes.
   *
   * @param name the name the response gives the image
   * @throws IllegalArgumentException if there are no bytes
   * @throws ImageDecodeException if the bytes are no decodable image
   */
  public EmbeddingResponse embedImage(byte[] image, String name) throws ImageDecodeException {
    if (image.length == 0) {
      throw new IllegalArgumentException("send the image's bytes as the request body");
    }
    float[] vector = model.embedImage(ImageSource.of(name, image));
    return new EmbeddingResponse(model.info().id(), List.of(new Embedding(name, vector)));
  }
}
