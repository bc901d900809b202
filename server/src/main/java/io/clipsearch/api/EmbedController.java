package io.clipsearch.api;

import io.clipsearch.api.types.EmbeddingResponse;
import io.clipsearch.api.types.TextEmbeddingRequest;
import io.clipsearch.model.image.ImageDecodeException;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;

/**
 * Embeddings for researchers: {@code POST /api/embed/text} (JSON texts) and {@code POST
 * /api/embed/image} (the image's bytes as the body).
 */
@Controller("/api/embed")
@ExecuteOn(TaskExecutors.BLOCKING)
public class EmbedController {

  private final ModelService models;

  public EmbedController(ModelService models) {
    this.models = models;
  }

  @Post(uri = "/text", consumes = MediaType.APPLICATION_JSON)
  public EmbeddingResponse text(@Body @Valid TextEmbeddingRequest request) {
    return models.embedTexts(request);
  }

  @Post(uri = "/image", consumes = MediaType.ALL)
  public EmbeddingResponse image(
      @Body byte[] image, @QueryValue(defaultValue = "upload") String name)
      throws ImageDecodeException {
    return models.embedImage(image, name);
  }
}
