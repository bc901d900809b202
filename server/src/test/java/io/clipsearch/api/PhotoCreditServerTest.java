package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.api.types.ImageDetails;
import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.api.types.SearchResultHit;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.testing.ExifPhotos;
import io.clipsearch.testing.ExifPhotos.Exif;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Photo credits in {@code /info} over real HTTP on a real index: from a photo's own EXIF artist and
 * copyright, from a {@code MANIFEST.tsv} two folders up (in the sample set's format, with the
 * author taken from a {@code Title_by_Author.jpg} name), none for a photo nothing names, and none
 * from a manifest planted as a link to a file outside the collection's folder.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhotoCreditServerTest implements TestPropertyProvider {

  static final String TOKEN = "test-token";
  static final String LOMIRI_LICENSE = "CC-BY-4.0 / CC-BY-SA-4.0 per debian_copyright";
  static final String LOMIRI_SOURCE = "Debian lomiri-wallpapers-16.04 20.04.0-2";

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
      Path root = Files.createTempDirectory("clipsearch-credits");
      photos = Files.createDirectories(root.resolve("photos"));
      List<Path> samples = SharedFixtures.sampleJpegs();
      ExifPhotos.write(
          samples.get(0),
          photos.resolve("own-exif.jpg"),
          new Exif(null, null, null, null, null, "Jane Doe", "CC BY 4.0"));
      Path wallpaper =
          Files.createDirectories(photos.resolve("debian/lomiri"))
              .resolve("Bridge_by_Sander_Klootwijk.jpg");
      Files.copy(samples.get(1), wallpaper);
      // the manifest lists files relative to its own folder, as the sample set's does
      Files.writeString(
          photos.resolve("MANIFEST.tsv"),
          "file\toriginal_width\toriginal_height\tsource\tlicense\n"
              + "debian/lomiri/Bridge_by_Sander_Klootwijk.jpg\t4352\t2448\t"
              + LOMIRI_SOURCE
              + "\t"
              + LOMIRI_LICENSE
              + "\n");
      Files.copy(samples.get(2), photos.resolve("unlisted.jpg"));
      Path planted = Files.createDirectories(photos.resolve("planted"));
      Files.copy(samples.get(3), planted.resolve("secret.jpg"));
      Path outside =
          Files.writeString(
              root.resolve("outside.tsv"), "file\tlicense\nsecret.jpg\tleaked from outside\n");
      Files.createSymbolicLink(planted.resolve("MANIFEST.tsv"), outside);
      return SharedFixtures.tinyClipServer(root.resolve("data"), TOKEN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void infoCreditsEachPhotoFromItsMetadataElseItsManifest() {
    client
        .toBlocking()
        .exchange(
            HttpRequest.POST(
                    "/api/collections",
                    new CreateCollectionRequest("photos", List.of(photos.toString()), "float32"))
                .bearerAuth(TOKEN));
    IngestStatus last =
        IndexJobs.run(client, sse, TOKEN, "photos", Duration.ofMinutes(2)).getLast();
    assertEquals(4, last.embedded());

    assertEquals("Jane Doe · CC BY 4.0", credit("own-exif.jpg"));
    assertEquals(
        "Bridge by Sander Klootwijk · " + LOMIRI_LICENSE + " · " + LOMIRI_SOURCE,
        credit("Bridge_by_Sander_Klootwijk.jpg"));
    assertNull(credit("unlisted.jpg"));
    assertNull(credit("secret.jpg"), "a manifest linked from outside the folder is not read");
  }

  private String credit(String fileName) {
    SearchResults all =
        client.toBlocking().retrieve("/api/collections/photos/photos", SearchResults.class);
    SearchResultHit hit =
        all.hits().stream()
            .filter(h -> h.path().endsWith("/" + fileName))
            .findFirst()
            .orElseThrow();
    ImageDetails details =
        client
            .toBlocking()
            .retrieve("/api/images/" + hit.id() + "/info?collection=photos", ImageDetails.class);
    return details.credit();
  }
}
