package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.api.types.LabMatrixRequest;
import io.clipsearch.api.types.LabMatrixResponse;
import io.clipsearch.api.types.LabMatrixRow;
import io.clipsearch.api.types.LabSearchEvalRequest;
import io.clipsearch.api.types.LabZeroShotPrediction;
import io.clipsearch.api.types.LabZeroShotRequest;
import io.clipsearch.api.types.LabZeroShotResponse;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code /api/lab} over real HTTP on a collection of 3 images indexed with the tiny-clip model. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabServiceTest implements TestPropertyProvider {

  static final String TOKEN = "test-token";

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  @Client("/")
  SseClient sse;

  Path photos;
  List<String> ids;

  @Override
  public Map<String, String> getProperties() {
    try {
      Path root = Files.createTempDirectory("clipsearch-lab-api");
      photos = Files.createDirectories(root.resolve("photos"));
      for (String name : List.of("coffee.png", "gray.png", "kitten-on-lawn.jpg")) {
        Files.copy(SharedFixtures.clipFixture("images/" + name), photos.resolve(name));
      }
      return Map.of(
          "clipsearch.model.dir", SharedFixtures.tinyClip().toString(),
          "clipsearch.data.dir", root.resolve("data").toString(),
          "clipsearch.auth.token", TOKEN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ids of the indexed images, indexing them on first use. */
  private synchronized List<String> ids() {
    if (ids == null) {
      client
          .toBlocking()
          .exchange(
              HttpRequest.POST(
                      "/api/collections",
                      new CreateCollectionRequest("lab", List.of(photos.toString()), null))
                  .bearerAuth(TOKEN));
      List<IngestStatus> events = IndexJobs.run(client, sse, TOKEN, "lab", Duration.ofMinutes(1));
      assertEquals("DONE", events.getLast().phase(), events.toString());
      SearchResults all =
          client
              .toBlocking()
              .retrieve(
                  "/api/search?q=photo&collection=lab&cutoff=false&hybrid=false",
                  SearchResults.class);
      ids = all.hits().stream().map(SearchResultHit::id).sorted().toList();
      assertEquals(3, ids.size());
    }
    return ids;
  }

  @Test
  void matrixOfIndexedImagesAndTexts() {
    LabMatrixResponse r =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST(
                    "/api/lab/matrix",
                    new LabMatrixRequest(
                        "lab",
                        ids(),
                        List.of("a cup of coffee", "a kitten", "a grey square", "a car"),
                        null)),
                LabMatrixResponse.class);
    assertEquals(3, r.rows().size());
    assertEquals(100.0, r.logitScale());
    assertEquals(ids().getFirst(), r.rows().getFirst().imageId());
    for (LabMatrixRow row : r.rows()) {
      assertEquals(4, row.cosine().length);
      double sum = 0;
      for (int i = 0; i < 4; i++) {
        assertTrue(row.cosine()[i] >= -1 && row.cosine()[i] <= 1);
        sum += row.probabilities()[i];
      }
      assertEquals(1.0, sum, 1e-5);
    }
    assertTrue(r.modalityGap() > 0);
    assertTrue(r.modelId().startsWith("tiny-clip@"));
  }

  @Test
  void zeroShotGivesOneDistributionPerImage() {
    LabZeroShotResponse r =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST(
                    "/api/lab/zeroshot",
                    new LabZeroShotRequest(
                        "lab",
                        ids(),
                        List.of("cat", "coffee", "nothing"),
                        List.of("a photo of a {}."),
                        50.0)),
                LabZeroShotResponse.class);
    assertEquals(3, r.predictions().size());
    assertEquals(List.of("a photo of a {}."), r.templates());
    assertEquals(50.0, r.logitScale());
    for (LabZeroShotPrediction p : r.predictions()) {
      assertEquals(3, p.probabilities().length);
      int best = 0;
      for (int i = 1; i < 3; i++) {
        best = p.probabilities()[i] > p.probabilities()[best] ? i : best;
      }
      assertEquals(r.labels().get(best), p.label());
    }
    LabZeroShotResponse defaults =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST(
                    "/api/lab/zeroshot",
                    new LabZeroShotRequest(
                        "lab", ids().subList(0, 1), List.of("cat", "dog"), null, null)),
                LabZeroShotResponse.class);
    assertEquals(7, defaults.templates().size());
  }

  @Test
  @SuppressWarnings("unchecked")
  void searchEvalScoresTheServedSearchPerMode() {
    List<LabSearchEvalRequest.Query> queries =
        List.of(
            new LabSearchEvalRequest.Query("kitten-on-lawn", List.of("kitten-on-lawn.jpg")),
            new LabSearchEvalRequest.Query("coffee", List.of("Coffee")));
    ids();
    Map<String, Object> r =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST(
                    "/api/lab/search-eval", new LabSearchEvalRequest("lab", queries, null, null)),
                Map.class);
    assertEquals(3, ((Number) r.get("images")).intValue());
    assertEquals(2, ((Number) r.get("queries")).intValue());
    List<Map<String, Object>> variants = (List<Map<String, Object>>) r.get("variants");
    assertEquals(
        List.of("vector", "keyword", "hybrid"),
        variants.stream().map(v -> v.get("variant")).toList());
    // file-name queries: the named file comes first in keyword and hybrid, so P@1 = MRR = 1
    for (Map<String, Object> v : variants.subList(1, 3)) {
      assertEquals(1.0, ((Number) v.get("p1")).doubleValue(), v.toString());
      assertEquals(1.0, ((Number) v.get("mrr")).doubleValue(), v.toString());
      // one relevant image of 3 in the top 5 (only 3 results exist)
      assertEquals(0.2, ((Number) v.get("p5")).doubleValue(), 1e-9, v.toString());
    }
    assertEquals(6, ((List<?>) r.get("perQuery")).size());

    Map<String, Object> one =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST(
                    "/api/lab/search-eval",
                    new LabSearchEvalRequest("lab", queries, null, List.of("hybrid"))),
                Map.class);
    assertEquals(1, ((List<?>) one.get("variants")).size());
    ApiError e =
        error(
            HttpStatus.BAD_REQUEST,
            HttpRequest.POST(
                "/api/lab/search-eval",
                new LabSearchEvalRequest("lab", queries, null, List.of("fuzzy"))));
    assertTrue(e.message().contains("fuzzy"), e.message());
    error(
        HttpStatus.BAD_REQUEST,
        HttpRequest.POST(
            "/api/lab/search-eval", new LabSearchEvalRequest("lab", List.of(), null, null)));
  }

  @Test
  void anUnknownImageIsA404() {
    ApiError e =
        error(
            HttpStatus.NOT_FOUND,
            HttpRequest.POST(
                "/api/lab/matrix",
                new LabMatrixRequest(
                    "lab", List.of(ids().getFirst(), "no-such-id"), List.of("x"), null)));
    assertTrue(e.message().contains("no-such-id"), e.message());
  }

  @Test
  void badRequestsAre400s() {
    error(
        HttpStatus.BAD_REQUEST,
        HttpRequest.POST(
            "/api/lab/matrix", new LabMatrixRequest("lab", List.of(), List.of("x"), null)));
    error(
        HttpStatus.BAD_REQUEST,
        HttpRequest.POST(
            "/api/lab/zeroshot",
            new LabZeroShotRequest("lab", List.of("id"), List.of("only one"), null, null)));
    ApiError e =
        error(
            HttpStatus.BAD_REQUEST,
            HttpRequest.POST(
                "/api/lab/zeroshot",
                new LabZeroShotRequest("lab", ids(), List.of("a", "b"), List.of("no slot"), null)));
    assertTrue(e.message().contains("no {}"), e.message());
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
