package io.clipsearch.api;

import io.clipsearch.api.types.Embedding;
import io.clipsearch.api.types.EmbeddingResponse;
import io.clipsearch.api.types.TextEmbeddingRequest;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageSource;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeddings for researchers: {@code POST /api/embed/text} (JSON texts) and {@code POST
 * /api/embed/image} (the image's bytes as the body).
 */
@Controller("/api/embed")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EmbedController {

  private final ClipModel model;

  public EmbedController(ClipModel model) {
    this.model = model;
  }

  @Post(uri = "/text", consumes = MediaType.APPLICATION_JSON)
  public EmbeddingResponse text(@Body @Valid TextEmbeddingRequest request) {
    List<float[]> vectors = model.embedTexts(RequestLists.noNulls("texts", request.texts()));
    List<Embedding> out = new ArrayList<>(vectors.size());
    for (int i = 0; i < vectors.size(); i++) {
      out.add(new Embedding(request.texts().get(i), vectors.get(i)));
    }
    return new EmbeddingResponse(model.info().id(), out);
  }

  @Post(uri = "/image", consumes = MediaType.ALL)
  public EmbeddingResponse image(@Body byte[] image, @QueryValue(defaultValue = "upload") String name)
      throws ImageDecodeException {
    if (image.length == 0) {
      throw new IllegalArgumentException("send the image's bytes as the request body");
    }
    float[] vector = model.embedImage(ImageSource.of(name, image));
    return new EmbeddingResponse(model.info().id(), List.of(new Embedding(name, vector)));
  }
}
