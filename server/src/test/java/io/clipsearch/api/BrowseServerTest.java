package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.api.types.PlaceInfo;
import io.clipsearch.api.types.PlaceList;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.testing.ExifPhotos;
import io.clipsearch.testing.ExifPhotos.Exif;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Browsing, the camera list and places over real HTTP on a real index: six sample photos given
 * camera EXIF (dates, makes and models, GPS positions in Paris and Sydney) and one without any,
 * indexed by a job with the tiny-clip model.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowseServerTest implements TestPropertyProvider {

  static final String TOKEN = "test-token";
  static final double PARIS_LAT = 48.8566;
  static final double PARIS_LON = 2.3522;

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  @Client("/")
  SseClient sse;

  Path photos;

  /** The photos' file names, newest first: what browsing must return. */
  final List<String> newestFirst =
      List.of(
          "e-sydney.jpg",
          "d-paris.jpg",
          "c-paris.jpg",
          "b-paris.jpg",
          "a-no-place.jpg",
          "f-fuji.jpg",
          "g-no-exif.jpg");

  @Override
  public Map<String, String> getProperties() {
    try {
      Path root = Files.createTempDirectory("clipsearch-browse");
      photos = Files.createDirectories(root.resolve("photos"));
      List<Path> samples = SharedFixtures.sampleJpegs();
      Instant day = Instant.parse("2023-05-01T10:00:00Z");
      // file names sort in another order than dates, so the test sees the date order
      write(
          samples.get(0),
          "a-no-place.jpg",
          new Exif(day.plus(Duration.ofDays(1)), "Canon", "Canon EOS R5", null, null));
      write(
          samples.get(1),
          "b-paris.jpg",
          new Exif(day.plus(Duration.ofDays(2)), "Canon", "Canon EOS R5", PARIS_LAT, PARIS_LON));
      write(
          samples.get(2),
          "c-paris.jpg",
          new Exif(day.plus(Duration.ofDays(3)), "Canon", "Canon EOS R5", 48.8606, 2.3376));
      write(
          samples.get(3),
          "d-paris.jpg",
          new Exif(day.plus(Duration.ofDays(4)), "FUJIFILM", "X-T4", 48.8530, 2.3499));
      write(
          samples.get(4),
          "e-sydney.jpg",
          new Exif(day.plus(Duration.ofDays(5)), "FUJIFILM", "X-T4", -33.8568, 151.2153));
      write(samples.get(5), "f-fuji.jpg", new Exif(day, "FUJIFILM", "X-T4", null, null));
      Path plain = Files.copy(samples.get(6), photos.resolve("g-no-exif.jpg"));
      Files.setLastModifiedTime(plain, FileTime.from(Instant.parse("2019-01-01T00:00:00Z")));
      return Map.of(
          "clipsearch.model.dir", SharedFixtures.tinyClip().toString(),
          "clipsearch.data.dir", root.resolve("data").toString(),
          "clipsearch.auth.token", TOKEN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(Path sample, String name, Exif exif) throws IOException {
    ExifPhotos.write(sample, photos.resolve(name), exif);
  }

  @Test
  @Order(1)
  void indexesTheCollection() {
    client
        .toBlocking()
        .exchange(
            HttpRequest.POST(
                    "/api/collections",
                    new CreateCollectionRequest("photos", List.of(photos.toString()), "float32"))
                .bearerAuth(TOKEN));
    IngestStatus last =
        IndexJobs.run(client, sse, TOKEN, "photos", Duration.ofMinutes(2)).getLast();
    assertEquals("DONE", last.phase());
    assertEquals(7, last.embedded());
  }

  @Test
  @Order(2)
  void browsingListsThePhotosNewestFirstPageByPage() {
    SearchResults all = browse("");
    assertEquals(newestFirst, names(all.hits()));
    assertEquals(7, all.candidates());
    assertEquals(7, all.confidentCount());
    assertEquals(
        Instant.parse("2023-05-06T10:00:00Z"),
        all.hits().getFirst().date(),
        "the date taken, from EXIF");
    assertTrue(all.hits().getFirst().thumbnailUrl().startsWith("/api/images/"));

    List<SearchResultHit> paged = new ArrayList<>();
    for (int offset = 0; offset < 7; offset += 3) {
      SearchResults page = browse("?offset=" + offset + "&limit=3");
      assertEquals(7, page.candidates(), "the total on every page");
      paged.addAll(page.hits());
    }
    assertEquals(newestFirst, names(paged), "the pages add up to the listing");
    assertEquals(List.of(), hits(browse("?offset=7")), "past the end: an empty page");

    assertEquals(
        "offset must be 0 or more and limit 1 to 1000",
        error(HttpStatus.BAD_REQUEST, HttpRequest.GET("/api/collections/photos/photos?limit=0"))
            .message());
    error(HttpStatus.BAD_REQUEST, HttpRequest.GET("/api/collections/photos/photos?limit=1001"));
    error(HttpStatus.BAD_REQUEST, HttpRequest.GET("/api/collections/photos/photos?offset=-1"));
  }

  @Test
  @Order(2)
  void browsingTakesTheSearchFiltersAndTheOldestFirstOrder() {
    assertEquals(newestFirst.reversed(), names(browse("?sort=date_asc").hits()));
    SearchResults fuji = browse("?camera=FUJIFILM%20X-T4&sort=date_asc");
    assertEquals(List.of("f-fuji.jpg", "d-paris.jpg", "e-sydney.jpg"), names(fuji.hits()));
    assertEquals(3, fuji.candidates(), "the total is the filtered listing's");
    assertEquals(
        List.of("c-paris.jpg", "b-paris.jpg"),
        names(browse("?from=2023-05-03&to=2023-05-05").hits()),
        "to is exclusive, as in a search");
    assertEquals(
        List.of("d-paris.jpg"), names(browse("?camera=fujifilm%20x-t4&offset=1&limit=1").hits()));
    assertEquals(
        newestFirst,
        names(browse("?sort=relevance").hits()),
        "without a query, relevance is newest first");
    assertEquals(
        newestFirst, names(browse("?folder=" + photos.toString().replace("/", "%2F")).hits()));
    assertEquals(List.of(), hits(browse("?minSize=100000")));
    assertEquals(
        "sort must be one of [relevance, date_desc, date_asc], got 'best'",
        error(HttpStatus.BAD_REQUEST, HttpRequest.GET("/api/collections/photos/photos?sort=best"))
            .message());
    error(HttpStatus.BAD_REQUEST, HttpRequest.GET("/api/collections/photos/photos?from=yesterday"));
  }

  @Test
  @Order(3)
  void camerasAreListedOncePerCameraAsPeopleWriteThem() {
    List<String> cameras =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.GET("/api/collections/photos/cameras"), Argument.listOf(String.class));
    assertEquals(
        List.of("Canon EOS R5", "FUJIFILM X-T4"),
        cameras,
        "the make not repeated, one entry per camera");
  }

  @Test
  @Order(4)
  void placesListEveryPhotoWithAPositionPageByPage() {
    PlaceList first =
        client.toBlocking().retrieve("/api/collections/photos/places?limit=3", PlaceList.class);
    PlaceList rest =
        client
            .toBlocking()
            .retrieve("/api/collections/photos/places?offset=3&limit=3", PlaceList.class);
    assertEquals(4, first.total(), "the photos with GPS only");
    assertEquals(3, first.places().size());
    assertEquals(1, rest.places().size());
    List<PlaceInfo> all = new ArrayList<>(first.places());
    all.addAll(rest.places());
    PlaceInfo paris = all.getFirst(); // path order: b-paris.jpg first
    assertEquals(PARIS_LAT, paris.latitude(), 1e-5);
    assertEquals(PARIS_LON, paris.longitude(), 1e-5);
    PlaceInfo sydney = all.getLast();
    assertEquals(-33.8568, sydney.latitude(), 1e-5, "south is negative");
    assertEquals(151.2153, sydney.longitude(), 1e-5);
    assertEquals(browse("").hits().getFirst().id(), sydney.id(), "the ids the grid uses");
    error(HttpStatus.BAD_REQUEST, HttpRequest.GET("/api/collections/photos/places?limit=1001"));
  }

  @Test
  @Order(5)
  void photosOfAnAreaAreThoseTakenThereNewestFirst() {
    SearchResults paris =
        client
            .toBlocking()
            .retrieve("/api/collections/photos/places/photos?bbox=2,48,3,49", SearchResults.class);
    assertEquals(List.of("d-paris.jpg", "c-paris.jpg", "b-paris.jpg"), names(paris.hits()));
    assertEquals(3, paris.candidates());
    SearchResults world =
        client
            .toBlocking()
            .retrieve(
                "/api/collections/photos/places/photos?bbox=-180,-90,180,90&limit=2",
                SearchResults.class);
    assertEquals(List.of("e-sydney.jpg", "d-paris.jpg"), names(world.hits()));
    assertEquals(4, world.candidates(), "photos without a position are on no map");
    SearchResults ocean =
        client
            .toBlocking()
            .retrieve(
                "/api/collections/photos/places/photos?bbox=-40,-10,-20,10", SearchResults.class);
    assertEquals(List.of(), hits(ocean));

    assertTrue(
        error(
                HttpStatus.BAD_REQUEST,
                HttpRequest.GET("/api/collections/photos/places/photos?bbox=3,48,2,49"))
            .message()
            .startsWith("bbox must be west,south,east,north in degrees"));
    error(
        HttpStatus.BAD_REQUEST, HttpRequest.GET("/api/collections/photos/places/photos?bbox=1,2"));
    error(
        HttpStatus.BAD_REQUEST,
        HttpRequest.GET("/api/collections/photos/places/photos?bbox=a,b,c,d"));
    error(HttpStatus.BAD_REQUEST, HttpRequest.GET("/api/collections/photos/places/photos"));
  }

  @Test
  @Order(6)
  void unknownCollectionsAre404() {
    error(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/collections/nope/photos"));
    error(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/collections/nope/cameras"));
    error(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/collections/nope/places"));
    error(
        HttpStatus.NOT_FOUND,
        HttpRequest.GET("/api/collections/nope/places/photos?bbox=2,48,3,49"));
  }

  private SearchResults browse(String query) {
    return client
        .toBlocking()
        .retrieve("/api/collections/photos/photos" + query, SearchResults.class);
  }

  /** The hits of a page: the server leaves an empty list out of its JSON. */
  private static List<SearchResultHit> hits(SearchResults r) {
    return r.hits() == null ? List.of() : r.hits();
  }

  private static List<String> names(List<SearchResultHit> hits) {
    return hits.stream().map(h -> Path.of(h.path()).getFileName().toString()).toList();
  }

  private ApiError error(HttpStatus expected, HttpRequest<?> request) {
    return ApiErrorAssertions.assertError(client, expected, request);
  }
}
