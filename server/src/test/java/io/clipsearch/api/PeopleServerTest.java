package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.api.types.JobInfo;
import io.clipsearch.api.types.PeopleList;
import io.clipsearch.api.types.PersonChange;
import io.clipsearch.api.types.PersonInfo;
import io.clipsearch.api.types.PersonPhotos;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.publisher.Flux;

/**
 * People end to end over real HTTP: photos of three people (Caltech-101 faces: four of one man,
 * three of one woman, two of another man) and a landscape, indexed by a real job with the tiny-clip
 * model and the real face nets; the persons listed, one named with the token, {@code person:"Anna"}
 * combined with words and a negative part, a new photo of her joining her on the next job with her
 * name, {@code person:Anna} alone listing her photos newest first, merge, split, and deleting a
 * person with its crops.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeopleServerTest implements TestPropertyProvider {

  static final String TOKEN = "test-token";
  private static final String FACES = "datasets/caltech101/%s/faces/image_%04d.jpg";

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
      Path root = Files.createTempDirectory("clipsearch-people");
      photos = Files.createDirectories(root.resolve("photos"));
      copy(366, "anna-1.jpg");
      copy(370, "anna-2.jpg");
      copy(373, "anna-3.jpg");
      // her photos' dates (the files have no EXIF date): the listing is newest first
      setDate("anna-1.jpg", "2020-05-01T10:00:00Z");
      setDate("anna-2.jpg", "2022-05-01T10:00:00Z");
      setDate("anna-3.jpg", "2021-05-01T10:00:00Z");
      copy(421, "bea-1.jpg");
      copy(426, "bea-2.jpg");
      copy(433, "bea-3.jpg");
      copy(56, "carl-1.jpg");
      copy(57, "carl-2.jpg");
      Files.copy(
          SharedFixtures.path("sample-images/elementary/Suluh Kalba.jpg"),
          photos.resolve("landscape.jpg"));
      return Map.of(
          "clipsearch.model.dir", SharedFixtures.tinyClip().toString(),
          "clipsearch.data.dir", root.resolve("data").toString(),
          "clipsearch.faces.models", Path.of("..", "models", "faces").toString(),
          "clipsearch.auth.token", TOKEN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Caltech-101 faces photo {@code number} (of its train or test split) as {@code name}. */
  private void copy(int number, String name) throws IOException {
    Path train = SharedFixtures.root().resolve(String.format(FACES, "train", number));
    Path photo =
        Files.exists(train) ? train : SharedFixtures.path(String.format(FACES, "test", number));
    Files.copy(photo, photos.resolve(name));
  }

  private void setDate(String file, String instant) throws IOException {
    Files.setLastModifiedTime(photos.resolve(file), FileTime.from(Instant.parse(instant)));
  }

  private void index() {
    JobInfo job =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST("/api/collections/people/jobs", "").bearerAuth(TOKEN),
                JobInfo.class);
    List<IngestStatus> events =
        Flux.from(sse.eventStream("/api/jobs/" + job.id() + "/events", IngestStatus.class))
            .map(Event::getData)
            .collectList()
            .block(Duration.ofMinutes(2));
    assertEquals("DONE", events.getLast().phase(), events.toString());
  }

  private PeopleList people() {
    return client.toBlocking().retrieve("/api/collections/people/people", PeopleList.class);
  }

  /** The person whose photos include {@code file}'s. */
  private PersonInfo personOf(String file) {
    for (PersonInfo p : people().people()) {
      PersonPhotos photos =
          client
              .toBlocking()
              .retrieve("/api/collections/people/people/" + p.id() + "/photos", PersonPhotos.class);
      if (photos.photos().stream().anyMatch(i -> i.path().endsWith(file))) {
        return p;
      }
    }
    throw new AssertionError("no person has " + file);
  }

  private List<String> search(String q) {
    return search(q, "");
  }

  /**
   * The file names a search without the cutoff finds, sorted; more parameters ({@code
   * &name=value...}) after the query.
   */
  private List<String> search(String q, String more) {
    return results(q, "&cutoff=false" + more).hits().stream()
        .map(h -> Path.of(h.path()).getFileName().toString())
        .sorted()
        .toList();
  }

  private PersonInfo change(int id, PersonChange change) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.POST("/api/collections/people/people/" + id, change).bearerAuth(TOKEN),
            PersonInfo.class);
  }

  @Test
  @Order(1)
  void anIndexJobFindsThePersons() {
    client
        .toBlocking()
        .exchange(
            HttpRequest.POST(
                    "/api/collections",
                    new CreateCollectionRequest("people", List.of(photos.toString()), "float32"))
                .bearerAuth(TOKEN));
    index();

    PeopleList list = people();
    assertEquals(
        List.of(3, 3, 2),
        list.people().stream().map(PersonInfo::faceCount).toList(),
        list.toString());
    assertEquals(0, list.unassignedFaces());
    String crop = list.people().get(0).faces().get(0).cropUrl();
    HttpResponse<byte[]> r = client.toBlocking().exchange(crop, byte[].class);
    assertEquals("image/jpeg", r.getContentType().orElseThrow().toString());
  }

  @Test
  @Order(2)
  void aNamedPersonIsSearchableWithWordsAndNegativeParts() {
    PersonInfo anna = personOf("anna-1.jpg");
    HttpClientResponseException noToken =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .retrieve(
                        HttpRequest.POST(
                            "/api/collections/people/people/" + anna.id(),
                            new PersonChange("Anna", null, null, null)),
                        PersonInfo.class));
    assertEquals(HttpStatus.UNAUTHORIZED, noToken.getStatus());

    assertEquals("Anna", change(anna.id(), new PersonChange("Anna", null, null, null)).name());

    List<String> annas = List.of("anna-1.jpg", "anna-2.jpg", "anna-3.jpg");
    assertEquals(annas, search("person:Anna face"));
    assertEquals(annas, search("person:\"anna\" portrait -night"));
    assertEquals(List.of(), search("person:Nobody face"));
    assertEquals(9, search("face").size(), "without person: every photo");

    // the same as the API's person filter, for searching and for browsing
    assertEquals(annas, search("face", "&person=anna"));
    assertEquals(List.of(), search("person:Anna face", "&person=Carl"), "both must hold");
    List<String> browsed =
        client
            .toBlocking()
            .retrieve("/api/collections/people/photos?person=Anna", SearchResults.class)
            .hits()
            .stream()
            .map(h -> Path.of(h.path()).getFileName().toString())
            .sorted()
            .toList();
    assertEquals(annas, browsed);
  }

  /** A search as the app and the CLI send it, the results in the server's order. */
  private SearchResults results(String q, String more) {
    return client
        .toBlocking()
        .retrieve(
            "/api/search?collection=people&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8)
                + more,
            SearchResults.class);
  }

  private static List<String> files(SearchResults r) {
    return r.hits().stream().map(h -> Path.of(h.path()).getFileName().toString()).toList();
  }

  @Test
  @Order(3)
  void aPersonAloneListsHerPhotosNewestFirstPaged() {
    SearchResults first = results("person:Anna", "&limit=2");
    assertEquals(List.of("anna-2.jpg", "anna-3.jpg"), files(first));
    assertEquals(3, first.candidates());
    assertEquals(3, first.confidentCount());
    // no cosine to a query: every hit confident with score 0, the threshold 0 and not calibrated
    assertEquals(0, first.threshold());
    assertFalse(first.calibrated());
    assertTrue(first.hits().stream().allMatch(h -> h.confident() && h.score() == 0));
    assertTrue(first.hits().stream().allMatch(h -> "person".equals(h.matchedBy())));
    assertEquals(null, first.noConfidentReason());
    assertEquals(List.of("anna-1.jpg"), files(results("person:\"anna\"", "&offset=2&limit=2")));

    // with the other filters: a date range, another person left out, the API's person parameter
    assertEquals(
        List.of("anna-3.jpg", "anna-1.jpg"), files(results("person:Anna", "&to=2021-12-31")));
    assertEquals(List.of(), files(results("person:Anna -person:Anna", "")));
    assertEquals(3, results("person:Anna -person:Carl", "").candidates());
    assertEquals(List.of(), files(results("person:Anna", "&person=Carl")));
    SearchResults nobody = results("person:Nobody", "");
    assertEquals(List.of(), nobody.hits());
    assertEquals("filtered", nobody.noConfidentReason());

    // -person: in a search with words leaves her photos out
    assertEquals(
        List.of("bea-1.jpg", "bea-2.jpg", "bea-3.jpg", "carl-1.jpg", "carl-2.jpg", "landscape.jpg"),
        search("face -person:Anna"));

    // filters naming no person are no listing: refused as before
    HttpClientResponseException onlyFilters =
        assertThrows(
            HttpClientResponseException.class, () -> results("rating>=4 -person:Anna", ""));
    assertEquals(HttpStatus.BAD_REQUEST, onlyFilters.getStatus());
    assertTrue(
        onlyFilters.getResponse().getBody(String.class).orElseThrow().contains("has only filters"),
        onlyFilters.getResponse().getBody(String.class).orElse(""));
  }

  @Test
  @Order(4)
  void aNewPhotoJoinsHerAndHerNameSurvivesTheNextJob() throws IOException {
    copy(380, "anna-4.jpg");
    index();

    PersonInfo anna = personOf("anna-4.jpg");
    assertEquals("Anna", anna.name());
    assertEquals(4, anna.faceCount());
    assertEquals(4, search("person:Anna face").size());
  }

  @Test
  @Order(5)
  void mergeSplitAndDelete() {
    PersonInfo anna = personOf("anna-1.jpg");
    PersonInfo carl = personOf("carl-1.jpg");
    PersonInfo merged = change(anna.id(), new PersonChange(null, null, carl.id(), null));
    assertEquals(6, merged.faceCount());
    assertEquals(2, people().people().size());

    String carlFace = carl.faces().getFirst().id();
    PersonInfo split = change(anna.id(), new PersonChange(null, null, null, carlFace));
    assertEquals(5, split.faceCount());
    assertTrue(split.faces().stream().noneMatch(f -> f.id().equals(carlFace)));

    PersonInfo bea = personOf("bea-1.jpg");
    String beaCrop = bea.faces().getFirst().cropUrl();
    client
        .toBlocking()
        .exchange(
            HttpRequest.DELETE("/api/collections/people/people/" + bea.id()).bearerAuth(TOKEN));
    HttpClientResponseException gone =
        assertThrows(
            HttpClientResponseException.class,
            () -> client.toBlocking().exchange(beaCrop, byte[].class));
    assertEquals(HttpStatus.NOT_FOUND, gone.getStatus());
    HttpClientResponseException noPerson =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .retrieve(
                        "/api/collections/people/people/" + bea.id() + "/photos",
                        PersonPhotos.class));
    assertEquals(HttpStatus.NOT_FOUND, noPerson.getStatus());
  }
}
