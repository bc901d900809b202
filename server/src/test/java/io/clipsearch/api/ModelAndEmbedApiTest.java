package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.api.types.EmbeddingResponse;
import io.clipsearch.api.types.ModelDescription;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/** The model and embedding endpoints over real HTTP, with the tiny-clip fixture model. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelAndEmbedApiTest implements TestPropertyProvider {

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    try {
      return Map.of(
          "clipsearch.model.dir", SharedFixtures.tinyClip().toString(),
          "clipsearch.data.dir", Files.createTempDirectory("clipsearch-api").toString(),
          "clipsearch.auth.token", "test-token");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void describesTheModel() {
    ModelDescription model = client.toBlocking().retrieve("/api/model", ModelDescription.class);
    assertEquals("tiny-clip", model.name());
    assertEquals(32, model.dimension());
    assertEquals(224, model.imageSize());
    assertEquals("ONNX", model.engine());
  }

  @Test
  void embedsTexts() {
    EmbeddingResponse response =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST(
                    "/api/embed/text", Map.of("texts", List.of("a photo of a cat", "a diagram"))),
                EmbeddingResponse.class);
    assertEquals(2, response.embeddings().size());
    float[] v = response.embeddings().getFirst().vector();
    assertEquals(32, v.length);
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    assertEquals(1.0, Math.sqrt(norm), 1e-5);
    assertTrue(response.modelId().startsWith("tiny-clip@"));
  }

  @Test
  void embedsAnUploadedImage() throws Exception {
    byte[] png = Files.readAllBytes(SharedFixtures.clipFixture("images/coffee.png"));
    EmbeddingResponse response =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST("/api/embed/image?name=coffee.png", png)
                    .contentType(MediaType.IMAGE_PNG),
                EmbeddingResponse.class);
    assertEquals("coffee.png", response.embeddings().getFirst().input());
  }

  @Test
  void anUndecodableUploadIsA400NamingTheReason() {
    ApiError error =
        error(
            HttpStatus.BAD_REQUEST,
            HttpRequest.POST("/api/embed/image?name=notes.jpg", "this is not a jpeg".getBytes())
                .contentType(MediaType.IMAGE_JPEG));
    assertTrue(error.message().contains("notes.jpg"), error.message());
    assertTrue(error.message().contains("NOT_AN_IMAGE"), error.message());
  }

  @Test
  void malformedJsonIsA400() {
    ApiError error =
        error(
            HttpStatus.BAD_REQUEST,
            HttpRequest.POST("/api/embed/text", "{\"texts\": [\"unterminated")
                .contentType(MediaType.APPLICATION_JSON));
    assertEquals("bad_request", error.error());
  }

  @Test
  void anEmptyTextListIsA400() {
    ApiError error =
        error(
            HttpStatus.BAD_REQUEST,
            HttpRequest.POST("/api/embed/text", Map.of("texts", List.of())));
    assertTrue(error.message().contains("texts"), error.message());
  }

  @Test
  void anUnknownRouteIsA404WithTheSameErrorShape() {
    ApiError error = error(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/no-such-thing"));
    assertEquals(404, error.status());
  }

  @Test
  void healthMetricsAndOpenApiAreServed() {
    assertEquals(HttpStatus.OK, client.toBlocking().exchange("/health").getStatus());
    String metrics = client.toBlocking().retrieve("/prometheus");
    assertTrue(
        metrics.contains("jvm_memory_used_bytes"),
        metrics.substring(0, Math.min(300, metrics.length())));
    String openapi = client.toBlocking().retrieve("/swagger/clipsearch-0.1.yml");
    assertTrue(openapi.contains("/api/embed/text"), openapi);
    // the bearer scheme it declares is required by the operations that need the token, not by reads
    Map<String, Object> paths = yamlMap(new Yaml().<Map<String, Object>>load(openapi), "paths");
    assertEquals(
        List.of(Map.of("bearer", List.of())),
        yamlMap(yamlMap(paths, "/api/collections"), "post").get("security"));
    assertNull(yamlMap(yamlMap(paths, "/api/search"), "get").get("security"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yamlMap(Map<String, Object> map, String key) {
    return (Map<String, Object>) map.get(key);
  }

  private ApiError error(HttpStatus expected, HttpRequest<?> request) {
    HttpClientResponseException e =
        assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange(request, String.class));
    assertEquals(expected, e.getStatus(), e.getResponse().getBody(String.class).orElse(""));
    return e.getResponse().getBody(ApiError.class).orElseThrow();
  }
}
