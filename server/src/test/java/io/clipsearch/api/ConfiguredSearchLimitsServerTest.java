package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The server's configured caps ({@code clipsearch.limits}), lower than the API's static ones, are
 * checked in one place for every way a search comes in: GET, POST and POST /image give the same
 * 400. They are checked before the collection is looked up, so no collection is needed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfiguredSearchLimitsServerTest implements TestPropertyProvider {

  @Inject
  @Client("/")
  HttpClient client;

  @Override
  public Map<String, String> getProperties() {
    try {
      return Map.of(
          "clipsearch.model.dir",
          SharedFixtures.tinyClip().toString(),
          "clipsearch.data.dir",
          Files.createTempDirectory("clipsearch-limits").toString(),
          "clipsearch.limits.max-query-length",
          "10",
          "clipsearch.limits.max-k",
          "7");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theConfiguredCapsAreTheSameForEveryWayIn() {
    assertRefusedEveryWay(
        "q=" + "x".repeat(11),
        Map.of("q", "x".repeat(11)),
        "query is 11 characters, the limit is 10");
    assertRefusedEveryWay(
        "q=x&limit=8", Map.of("q", "x", "limit", 8), "limit must be at most 7, got 8");
  }

  @Test
  void withinTheCapsTheSearchGoesOn() {
    // past the caps, the unknown collection is the next thing refused
    for (HttpRequest<?> request :
        List.of(
            HttpRequest.GET("/api/search?collection=nope&q=" + "x".repeat(10) + "&limit=7"),
            HttpRequest.POST(
                "/api/search", Map.of("collection", "nope", "q", "x".repeat(10), "limit", 7)))) {
      ApiErrorAssertions.assertError(client, HttpStatus.NOT_FOUND, request);
    }
  }

  private void assertRefusedEveryWay(String params, Map<String, Object> body, String message) {
    List<HttpRequest<?>> requests =
        List.of(
            HttpRequest.GET("/api/search?" + params),
            HttpRequest.POST("/api/search", body),
            HttpRequest.POST("/api/search/image?" + params, new byte[] {1})
                .contentType(MediaType.IMAGE_JPEG));
    for (HttpRequest<?> request : requests) {
      ApiError error = ApiErrorAssertions.assertError(client, HttpStatus.BAD_REQUEST, request);
      assertEquals(message, error.message(), request.getUri().toString());
    }
  }
}
