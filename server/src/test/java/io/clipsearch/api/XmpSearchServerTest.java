package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.api.types.JobInfo;
import io.clipsearch.api.types.SearchQuery;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;

/**
 * XMP over HTTP: a collection of three photos, one with a five-star red-labelled sidecar and a
 * keyword, one rejected in its sidecar, one without XMP, indexed by a real job with the tiny-clip
 * model; searched and browsed with the rating, label and rejected parameters, by GET and POST, and
 * with the query language's {@code rating>=N}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XmpSearchServerTest implements TestPropertyProvider {

  static final String TOKEN = "test-token";

  private static final String FIVE_STARS =
      """
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
       <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
          xmlns:dc="http://purl.org/dc/elements/1.1/" xmp:Rating="5" xmp:Label="Red">
         <dc:subject><rdf:Bag><rdf:li>whiskers</rdf:li></rdf:Bag></dc:subject>
        </rdf:Description>
       </rdf:RDF>
      </x:xmpmeta>
      """;

  private static final String REJECTED =
      """
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
       <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Rating="-1"/>
       </rdf:RDF>
      </x:xmpmeta>
      """;

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  @Client("/")
  SseClient sse;

  Path photos;

  @Override
  public Map<String, String> getProperties() {
    try {
      Path root = Files.createTempDirectory("clipsearch-xmp");
      photos = Files.createDirectories(root.resolve("photos"));
      List<Path> jpegs = SharedFixtures.sampleJpegs();
      for (int i = 0; i < 3; i++) {
        Files.copy(jpegs.get(i), photos.resolve("IMG_" + i + ".jpg"));
      }
      Files.writeString(photos.resolve("IMG_0.xmp"), FIVE_STARS);
      Files.writeString(photos.resolve("IMG_1.jpg.xmp"), REJECTED);
      return Map.of(
          "clipsearch.model.dir", SharedFixtures.tinyClip().toString(),
          "clipsearch.data.dir", root.resolve("data").toString(),
          "clipsearch.auth.token", TOKEN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @BeforeAll
  void index() {
    client
        .toBlocking()
        .exchange(
            HttpRequest.POST(
                    "/api/collections",
                    new CreateCollectionRequest("xmp", List.of(photos.toString()), "float32"))
                .bearerAuth(TOKEN));
    JobInfo job =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST("/api/collections/xmp/jobs", "").bearerAuth(TOKEN), JobInfo.class);
    List<IngestStatus> events =
        Flux.from(sse.eventStream("/api/jobs/" + job.id() + "/events", IngestStatus.class))
            .map(Event::getData)
            .collectList()
            .block(Duration.ofMinutes(2));
    assertEquals("DONE", events.getLast().phase(), events.toString());
    assertEquals(3, events.getLast().embedded());
  }

  private List<String> names(String uri) {
    return names(client.toBlocking().retrieve(uri, SearchResults.class));
  }

  private static List<String> names(SearchResults results) {
    return results.hits().stream()
        .map(h -> Path.of(h.path()).getFileName().toString())
        .sorted()
        .toList();
  }

  private static String search(String q, String more) {
    return "/api/search?collection=xmp&cutoff=false&q="
        + URLEncoder.encode(q, StandardCharsets.UTF_8)
        + more;
  }

  @Test
  void rejectedPhotosAreHiddenUnlessAskedFor() {
    assertEquals(List.of("IMG_0.jpg", "IMG_2.jpg"), names(search("a photo", "")));
    assertEquals(
        List.of("IMG_0.jpg", "IMG_1.jpg", "IMG_2.jpg"), names(search("a photo", "&rejected=true")));
    assertEquals(List.of("IMG_1.jpg"), names(search("a photo rating:-1", "")));
  }

  @Test
  void ratingAndLabelFilterByGetPostAndTheQueryLanguage() {
    assertEquals(List.of("IMG_0.jpg"), names(search("a photo", "&minRating=4")));
    assertEquals(List.of("IMG_0.jpg"), names(search("a photo", "&label=red")));
    assertEquals(List.of(), names(search("a photo", "&label=green")));
    assertEquals(List.of("IMG_0.jpg"), names(search("a photo rating>=5", "")));
    SearchQuery body =
        new SearchQuery(
            "a photo", "xmp", null, null, null, null, null, null, null, null, null, null, null,
            false, 5, "Red", null, null);
    assertEquals(
        List.of("IMG_0.jpg"),
        names(
            client
                .toBlocking()
                .retrieve(HttpRequest.POST("/api/search", body), SearchResults.class)));
  }

  @Test
  void aSidecarKeywordIsAKeywordMatch() {
    SearchResults results =
        client.toBlocking().retrieve(search("whiskers", ""), SearchResults.class);
    SearchResultHit hit =
        results.hits().stream()
            .filter(h -> h.path().endsWith("IMG_0.jpg"))
            .findFirst()
            .orElseThrow();
    assertEquals("keyword", hit.matchedBy());
    assertTrue(hit.textMatch());
  }

  @Test
  void browsingListsRejectedPhotosUnlessAskedNotTo() {
    String photosUri = "/api/collections/xmp/photos";
    assertEquals(List.of("IMG_0.jpg", "IMG_1.jpg", "IMG_2.jpg"), names(photosUri));
    assertEquals(List.of("IMG_0.jpg", "IMG_2.jpg"), names(photosUri + "?rejected=false"));
    assertEquals(List.of("IMG_0.jpg"), names(photosUri + "?minRating=3&label=red"));
  }

  @Test
  void aRatingOutOfRangeIsABadRequest() {
    HttpClientResponseException e =
        assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().retrieve(search("a photo", "&minRating=7")));
    assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
    HttpClientResponseException typed =
        assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().retrieve(search("a photo rating>=9", "")));
    assertEquals(HttpStatus.BAD_REQUEST, typed.getStatus());
  }
}
