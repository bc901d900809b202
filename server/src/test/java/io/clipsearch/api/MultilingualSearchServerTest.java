package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.api.types.CollectionInfo;
import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A multilingual model end to end over real HTTP: the server runs the {@code tiny-mclip} fixture
 * (XLM-RoBERTa text tower, Unigram tokenizer), indexes the fixture images into a float32 Lucene
 * index on disk, and answers German and Japanese queries. With random weights the ranking has no
 * meaning of its own, so the answer is checked against open_clip: every hit's score must be the
 * cosine of the reference's text and image embeddings, best first.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultilingualSearchServerTest implements TestPropertyProvider {

  static final String TOKEN = "test-token";

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  @Client("/")
  SseClient sse;

  Path model;
  Path photos;

  @Override
  public Map<String, String> getProperties() {
    try {
      model = SharedFixtures.clipFixture("families/tiny-mclip");
      Path root = Files.createTempDirectory("clipsearch-mclip");
      photos = Files.createDirectories(root.resolve("photos"));
      try (Stream<Path> images = Files.list(SharedFixtures.clipFixture("images"))) {
        for (Path image : images.toList()) {
          Files.copy(image, photos.resolve(image.getFileName()));
        }
      }
      return Map.of(
          "clipsearch.model.dir", model.toString(),
          "clipsearch.data.dir", root.resolve("data").toString(),
          "clipsearch.auth.token", TOKEN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  @Order(1)
  void indexesTheImages() {
    CreateCollectionRequest body =
        new CreateCollectionRequest("welt", List.of(photos.toString()), "float32");
    client
        .toBlocking()
        .exchange(
            HttpRequest.POST("/api/collections", body).bearerAuth(TOKEN), CollectionInfo.class);
    List<IngestStatus> events = IndexJobs.run(client, sse, TOKEN, "welt", Duration.ofMinutes(2));
    assertEquals("DONE", events.getLast().phase(), events.toString());
    assertEquals(15, events.getLast().embedded());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ein Hund spielt im Schnee", "海辺の夕日"})
  @Order(2)
  void answersLikeTheReference(String query) throws IOException {
    SearchResults results =
        client
            .toBlocking()
            .retrieve(
                "/api/search?collection=welt&cutoff=false&hybrid=false&limit=15&q="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8),
                SearchResults.class);
    Map<String, Double> expected = referenceScores(query);
    assertEquals(expected.size(), results.hits().size());
    double previous = Double.POSITIVE_INFINITY;
    for (SearchResultHit hit : results.hits()) {
      String name = Path.of(hit.path()).getFileName().toString();
      // identical images (photo.bmp/.tiff/.webp) tie, so the order is checked by score, not by name
      assertEquals(expected.get(name), hit.score(), 1e-4, query + ": score of " + name);
      assertTrue(hit.score() <= previous, query + ": hits best first");
      previous = hit.score();
    }
    String best =
        expected.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    assertEquals(best, Path.of(results.hits().getFirst().path()).getFileName().toString());
  }

  /** Each fixture image's cosine to {@code query}, from open_clip's embeddings. */
  private Map<String, Double> referenceScores(String query) throws IOException {
    JsonNode reference = new ObjectMapper().readTree(model.resolve("reference.json").toFile());
    JsonNode text = null;
    for (JsonNode t : reference.get("texts")) {
      if (t.get("text").asText().equals(query)) {
        text = t.get("embedding");
      }
    }
    Map<String, Double> scores = new HashMap<>();
    for (Map.Entry<String, JsonNode> image : reference.get("images").properties()) {
      double dot = 0;
      for (int d = 0; d < text.size(); d++) {
        dot += text.get(d).asDouble() * image.getValue().get(d).asDouble();
      }
      scores.put(image.getKey(), dot);
    }
    return scores;
  }
}
