package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.api.types.CollectionInfo;
import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.api.types.ImageDetails;
import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.api.types.JobInfo;
import io.clipsearch.api.types.JobReport;
import io.clipsearch.api.types.RetagReport;
import io.clipsearch.api.types.SearchQuery;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.api.types.SkippedFileInfo;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.sse.Event;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Flux;

/**
 * The server end to end over real HTTP: a collection of real photos (and bad files) indexed by a
 * job followed over Server-Sent Events, then searched, with images, thumbnails, auth, bad input,
 * and searches running while another collection is being indexed. The tiny-clip fixture model.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchServerTest implements TestPropertyProvider {

  static final String TOKEN = "test-token";

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  @Client("/")
  SseClient sse;

  @Inject QueryWarmer warmer;

  Path photos;
  Path bigLibrary;
  String indexedId;
  String catPath;

  @Override
  public Map<String, String> getProperties() {
    try {
      Path root = Files.createTempDirectory("clipsearch-server");
      photos = Files.createDirectories(root.resolve("photos"));
      bigLibrary = Files.createDirectories(root.resolve("library"));
      List<Path> jpegs = SharedFixtures.sampleJpegs();
      for (int i = 0; i < 12; i++) {
        Path target = photos.resolve(i < 6 ? "trip" : "home").resolve(jpegs.get(i).getFileName());
        Files.createDirectories(target.getParent());
        Files.copy(jpegs.get(i), target);
      }
      Files.copy(
          SharedFixtures.clipFixture("images/kitten-on-lawn.jpg"),
          photos.resolve("home/IMG_2041.jpg"));
      Files.writeString(photos.resolve("home/notes.jpg"), "not a photo");
      Files.createFile(photos.resolve("home/empty.png"));
      for (int i = 0; i < 60; i++) {
        Path source = jpegs.get(20 + i);
        Files.copy(source, bigLibrary.resolve(i + "-" + source.getFileName()));
      }
      catPath = photos.resolve("home/IMG_2041.jpg").toString();
      return Map.of(
          "clipsearch.model.dir", SharedFixtures.tinyClip().toString(),
          "clipsearch.data.dir", root.resolve("data").toString(),
          "clipsearch.auth.token", TOKEN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> MutableHttpRequest<T> authorized(MutableHttpRequest<T> request) {
    return request.bearerAuth(TOKEN);
  }

  @Test
  @Order(1)
  void creatingACollectionNeedsTheToken() {
    CreateCollectionRequest body =
        new CreateCollectionRequest("photos", List.of(photos.toString()), "int8");
    ApiError error = error(HttpStatus.UNAUTHORIZED, HttpRequest.POST("/api/collections", body));
    assertTrue(error.message().contains("Bearer"), error.message());
    error(HttpStatus.UNAUTHORIZED, HttpRequest.POST("/api/collections", body).bearerAuth("wrong"));

    HttpResponse<CollectionInfo> created =
        client
            .toBlocking()
            .exchange(authorized(HttpRequest.POST("/api/collections", body)), CollectionInfo.class);
    assertEquals(HttpStatus.CREATED, created.getStatus());
    assertEquals("int8", created.body().vectorFormat());
    assertEquals(0, created.body().documents());
  }

  @Test
  @Order(2)
  void anIndexJobReportsProgressOverSseAndListsBadFilesThenTheQueryRoadIsWarmed() throws Exception {
    JobInfo job =
        client
            .toBlocking()
            .retrieve(
                authorized(HttpRequest.POST("/api/collections/photos/jobs", "")), JobInfo.class);
    List<IngestStatus> events =
        Flux.from(sse.eventStream("/api/jobs/" + job.id() + "/events", IngestStatus.class))
            .map(Event::getData)
            .collectList()
            .block(Duration.ofMinutes(2));
    IngestStatus last = events.getLast();
    assertEquals("DONE", last.phase(), events.toString());
    assertEquals(13, last.embedded());
    assertEquals(2, last.failed());

    JobReport report =
        client.toBlocking().retrieve("/api/jobs/" + job.id() + "/report", JobReport.class);
    List<String> reasons = report.skipped().stream().map(SkippedFileInfo::reason).sorted().toList();
    assertEquals(List.of("EMPTY", "NOT_AN_IMAGE"), reasons);
    CollectionInfo info =
        client.toBlocking().retrieve("/api/collections/photos", CollectionInfo.class);
    assertEquals(13, info.documents());
    assertTrue(info.indexBytes() > 0);
    // created empty, so its first warm-up ran nothing: the job's photos get it warmed now
    assertTrue(warmedSearches("photos") > 0, "the query road warmed after the job");
  }

  /** The searches of the collection's latest query warm-up, waiting for one that ran some. */
  private int warmedSearches(String collection) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    int searches = 0;
    while (searches == 0 && System.nanoTime() < deadline) {
      searches = warmer.warming(collection).orElseThrow().get(1, TimeUnit.MINUTES);
      Thread.sleep(searches == 0 ? 50 : 0);
    }
    return searches;
  }

  @Test
  @Order(3)
  void searchesByTextAndServesImagesAndThumbnails() {
    SearchResults results =
        client
            .toBlocking()
            .retrieve(
                "/api/search?collection=photos&cutoff=false&limit=5&q="
                    + encode("a photo of a cat"),
                SearchResults.class);
    assertEquals(5, results.hits().size());
    assertEquals("photos", results.collection());
    SearchResultHit hit = results.hits().getFirst();
    indexedId = hit.id();

    HttpResponse<byte[]> thumb = client.toBlocking().exchange(hit.thumbnailUrl(), byte[].class);
    assertEquals(MediaType.IMAGE_JPEG, thumb.getContentType().orElseThrow().toString());
    HttpResponse<byte[]> image = client.toBlocking().exchange(hit.imageUrl(), byte[].class);
    assertEquals(hit.size(), image.body().length);
    ImageDetails details =
        client
            .toBlocking()
            .retrieve("/api/images/" + hit.id() + "/info?collection=photos", ImageDetails.class);
    assertEquals(hit.path(), details.path());
    assertFalse(
        details.tags().isEmpty(), "the index job tags every image"); // zero-shot, bundled labels
  }

  @Test
  @Order(4)
  void searchesByExampleLikeAndFileName() throws Exception {
    byte[] cat = Files.readAllBytes(Path.of(catPath));
    SearchResults byImage =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST("/api/search/image?collection=photos&limit=3", cat)
                    .contentType(MediaType.IMAGE_JPEG),
                SearchResults.class);
    assertEquals(catPath, byImage.hits().getFirst().path());
    assertEquals(1.0, byImage.hits().getFirst().score(), 1e-4);

    String catId = byImage.hits().getFirst().id();
    SearchResults like =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST(
                    "/api/search",
                    new SearchQuery(
                        "like:" + catId,
                        "photos",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        3,
                        false,
                        null,
                        false)),
                SearchResults.class);
    assertEquals(catId, like.hits().getFirst().id());

    SearchResults byName =
        client
            .toBlocking()
            .retrieve("/api/search?collection=photos&limit=3&q=IMG_2041", SearchResults.class);
    assertEquals(catPath, byName.hits().getFirst().path());
    assertTrue(byName.hits().getFirst().textMatch());
  }

  @Test
  @Order(5)
  void filtersApplyInsideTheSearch() throws Exception {
    String trip = photos.resolve("trip").toString();
    SearchResults results =
        client
            .toBlocking()
            .retrieve(
                "/api/search?collection=photos&cutoff=false&limit=50&q="
                    + encode("a landscape")
                    + "&folder="
                    + encode(trip),
                SearchResults.class);
    assertEquals(6, results.hits().size());
    assertTrue(results.hits().stream().allMatch(h -> h.path().startsWith(trip)));

    byte[] cat = java.nio.file.Files.readAllBytes(Path.of(catPath));
    SearchResults byImageInTrip =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST(
                        "/api/search/image?collection=photos&cutoff=false&folder=" + encode(trip),
                        cat)
                    .contentType(MediaType.IMAGE_JPEG),
                SearchResults.class);
    assertEquals(6, byImageInTrip.hits().size()); // the cat itself lives in home/, filtered out
    assertTrue(byImageInTrip.hits().stream().allMatch(h -> h.path().startsWith(trip)));
  }

  @Test
  @Order(5)
  void everyResponseCarriesHitsAndTheClosestFewComeBackWeakWhenNoneIsConfident() {
    String none =
        client
            .toBlocking()
            .retrieve(
                "/api/search?collection=photos&q=flowers&folder="
                    + encode(photos.resolve("no-such-folder").toString()));
    assertTrue(none.contains("\"hits\":[]"), none);
    assertTrue(none.contains("\"noConfidentReason\":\"filtered\""), none);

    SearchResults weak =
        client
            .toBlocking()
            .retrieve("/api/search?collection=photos&q=flowers&minScore=1", SearchResults.class);
    assertEquals(0, weak.confidentCount());
    assertEquals(5, weak.hits().size());
    assertTrue(weak.hits().stream().noneMatch(SearchResultHit::confident));
    assertEquals("not-confident", weak.noConfidentReason());

    SearchResults byName =
        client
            .toBlocking()
            .retrieve("/api/search?collection=photos&q=IMG_2041.jpg", SearchResults.class);
    assertEquals(catPath, byName.hits().getFirst().path());
    assertEquals("name", byName.hits().getFirst().matchedBy());
    // a name holding every word of the query is confident by rule, whatever the model scores it
    assertTrue(byName.hits().getFirst().confident());
    assertNull(byName.noConfidentReason());
  }

  @Test
  @Order(6)
  void badRequestsAre400sOr404sNever500s() {
    assertTrue(
        error(
                HttpStatus.BAD_REQUEST,
                HttpRequest.GET("/api/search?collection=photos&q=x&limit=5000"))
            .message()
            .contains("limit"));
    assertTrue(
        error(
                HttpStatus.BAD_REQUEST,
                HttpRequest.GET("/api/search?collection=photos&q=" + encode("\"unclosed")))
            .message()
            .contains("quote"));
    assertTrue(
        error(
                HttpStatus.BAD_REQUEST,
                HttpRequest.GET("/api/search?collection=photos&q=x&sort=random"))
            .message()
            .contains("sort must be one of"));
    assertTrue(
        error(
                HttpStatus.BAD_REQUEST,
                HttpRequest.GET("/api/search?collection=photos&q=x&from=yesterday"))
            .message()
            .contains("from must be a date"));
    assertEquals(
        "limit must be an integer, got 'abc'",
        error(
                HttpStatus.BAD_REQUEST,
                HttpRequest.GET("/api/search?collection=photos&q=x&limit=abc"))
            .message());
    assertEquals(
        "minScore must be a number, got 'NaN'",
        error(
                HttpStatus.BAD_REQUEST,
                HttpRequest.GET("/api/search?collection=photos&q=x&minScore=NaN"))
            .message());
    error(
        HttpStatus.BAD_REQUEST,
        HttpRequest.POST("/api/search", "{\"q\": ").contentType(MediaType.APPLICATION_JSON));
    error(
        HttpStatus.BAD_REQUEST,
        HttpRequest.POST("/api/search/image?collection=photos", "garbage".getBytes())
            .contentType(MediaType.IMAGE_JPEG));
    error(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/search?collection=nope&q=x"));
    error(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/images/0000/thumbnail?collection=photos"));
    error(
        HttpStatus.NOT_FOUND,
        HttpRequest.GET("/api/images/..%2F..%2Fetc%2Fpasswd?collection=photos"));
    error(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/jobs/no-such-job"));
    assertTrue(
        error(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/search?collection=photos&q=like:abc123"))
            .message()
            .contains("abc123"));
  }

  @Test
  @Order(6)
  void getAndPostValidateTheSameConstraintsWithTheSameErrors() {
    // GET skipped bean validation before: limit=0 was "limit must be 1-1000, got 0" from the
    // service by GET and "query.limit: must be greater than or equal to 1" by POST
    String longQuery = "x".repeat(1001);
    List<Map<String, Object>> bad =
        List.of(
            Map.of("limit", 0),
            Map.of("limit", 5000),
            Map.of("offset", -1),
            Map.of("minSize", 0),
            Map.of("minScore", 2),
            Map.of("q", longQuery));
    for (Map<String, Object> fields : bad) {
      Map<String, Object> body = new java.util.HashMap<>(Map.of("collection", "photos", "q", "x"));
      body.putAll(fields);
      String params =
          body.entrySet().stream()
              .map(e -> e.getKey() + "=" + encode(e.getValue().toString()))
              .collect(java.util.stream.Collectors.joining("&"));
      ApiError byPost = error(HttpStatus.BAD_REQUEST, HttpRequest.POST("/api/search", body));
      assertTrue(byPost.message().startsWith("query."), byPost.message());
      assertEquals(
          byPost, error(HttpStatus.BAD_REQUEST, HttpRequest.GET("/api/search?" + params)), params);
      assertEquals(
          byPost,
          error(
              HttpStatus.BAD_REQUEST,
              HttpRequest.POST("/api/search/image?" + params, new byte[] {1})
                  .contentType(MediaType.IMAGE_JPEG)),
          params);
    }
  }

  @Test
  @Order(7)
  void searchesKeepAnsweringWhileAnotherCollectionIsIndexed() throws Exception {
    client
        .toBlocking()
        .exchange(
            authorized(
                HttpRequest.POST(
                    "/api/collections",
                    new CreateCollectionRequest(
                        "library", List.of(bigLibrary.toString()), "float32"))));
    JobInfo job =
        client
            .toBlocking()
            .retrieve(
                authorized(HttpRequest.POST("/api/collections/library/jobs", "")), JobInfo.class);
    ApiError conflict =
        error(
            HttpStatus.CONFLICT, authorized(HttpRequest.POST("/api/collections/library/jobs", "")));
    assertTrue(conflict.message().contains("already being indexed"), conflict.message());

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<SearchResults>> searches = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String collection = i % 2 == 0 ? "photos" : "library";
        searches.add(
            pool.submit(
                () ->
                    client
                        .toBlocking()
                        .retrieve(
                            "/api/search?cutoff=false&limit=3&collection="
                                + collection
                                + "&q="
                                + encode("a city at night"),
                            SearchResults.class)));
      }
      for (Future<SearchResults> f : searches) {
        assertFalse(f.get().collection().isEmpty());
      }
    } finally {
      pool.shutdownNow();
    }
    List<IngestStatus> events =
        Flux.from(sse.eventStream("/api/jobs/" + job.id() + "/events", IngestStatus.class))
            .map(Event::getData)
            .collectList()
            .block(Duration.ofMinutes(3));
    assertEquals("DONE", events.getLast().phase());
    assertEquals(60, events.getLast().embedded());
  }

  @Test
  @Order(8)
  void reindexingAnUnchangedCollectionEmbedsNothing() {
    IngestStatus last =
        IndexJobs.run(client, sse, TOKEN, "photos", Duration.ofMinutes(1)).getLast();
    assertEquals("DONE", last.phase());
    assertEquals(0, last.embedded());
    assertEquals(13, last.unchanged());
  }

  @Test
  @Order(9)
  void retaggingNeedsTheTokenAndLeavesEveryImageFindableByItsTag() {
    error(HttpStatus.UNAUTHORIZED, HttpRequest.POST("/api/collections/photos/tags", ""));
    error(HttpStatus.NOT_FOUND, authorized(HttpRequest.POST("/api/collections/nope/tags", "")));
    RetagReport report =
        client
            .toBlocking()
            .retrieve(
                authorized(HttpRequest.POST("/api/collections/photos/tags", "")),
                RetagReport.class);
    assertEquals("photos", report.collection());
    assertEquals(13, report.images());

    // the random fixture model tags arbitrarily: search for whatever the cat got, expect the cat
    SearchResults byPath =
        client
            .toBlocking()
            .retrieve("/api/search?collection=photos&limit=1&q=IMG_2041", SearchResults.class);
    String catId = byPath.hits().getFirst().id();
    ImageDetails cat =
        client
            .toBlocking()
            .retrieve("/api/images/" + catId + "/info?collection=photos", ImageDetails.class);
    String tag = cat.tags().getFirst();
    SearchResults byTag =
        client
            .toBlocking()
            .retrieve(
                "/api/search?collection=photos&cutoff=false&limit=50&q=" + encode(tag),
                SearchResults.class);
    SearchResultHit hit =
        byTag.hits().stream().filter(h -> h.id().equals(catId)).findFirst().orElseThrow();
    assertTrue(hit.textMatch(), "tag '" + tag + "' matched as a keyword");
  }

  @Test
  @Order(10)
  void deletingACollectionKeepsThePhotos() {
    error(HttpStatus.UNAUTHORIZED, HttpRequest.DELETE("/api/collections/photos"));
    HttpResponse<?> deleted =
        client.toBlocking().exchange(authorized(HttpRequest.DELETE("/api/collections/photos")));
    assertEquals(HttpStatus.NO_CONTENT, deleted.getStatus());
    error(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/collections/photos"));
    assertTrue(Files.exists(Path.of(catPath)));
  }

  private ApiError error(HttpStatus expected, HttpRequest<?> request) {
    HttpClientResponseException e =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(request, Argument.of(String.class), Argument.of(ApiError.class)));
    assertEquals(expected, e.getStatus(), e.getResponse().getBody(String.class).orElse(""));
    return e.getResponse().getBody(ApiError.class).orElseThrow();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
