package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.api.types.ClusterInfo;
import io.clipsearch.api.types.ClusterList;
import io.clipsearch.api.types.CollectionMapView;
import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.api.types.DuplicateGroupInfo;
import io.clipsearch.api.types.DuplicateGroups;
import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Clusters, map and duplicates over real HTTP: 16 sample photos, an exact copy of one and a
 * downscaled, re-encoded (3/4 size, JPEG quality 85) copy of another, indexed by a job with the
 * tiny-clip model (random weights: the clusters are not semantic, the mechanics are tested).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterServerTest implements TestPropertyProvider {

  static final String TOKEN = "test-token";

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  @Client("/")
  SseClient sse;

  Path photos;
  Path original;
  Path reencoded;

  @Override
  public Map<String, String> getProperties() {
    try {
      Path root = Files.createTempDirectory("clipsearch-clusters");
      photos = Files.createDirectories(root.resolve("photos"));
      List<Path> jpegs = SharedFixtures.sampleJpegs().subList(0, 16);
      for (Path jpeg : jpegs) {
        Files.copy(jpeg, photos.resolve(jpeg.getFileName()));
      }
      Files.copy(jpegs.get(0), photos.resolve("copy-of-" + jpegs.get(0).getFileName()));
      original = photos.resolve(jpegs.get(1).getFileName());
      reencoded = photos.resolve("reencoded.jpg");
      BufferedImage image = ImageIO.read(original.toFile());
      int w = image.getWidth() * 3 / 4;
      int h = image.getHeight() * 3 / 4;
      BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      rgb.getGraphics()
          .drawImage(image.getScaledInstance(w, h, java.awt.Image.SCALE_SMOOTH), 0, 0, null);
      var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      var params = writer.getDefaultWriteParam();
      params.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
      params.setCompressionQuality(0.85f);
      try (var out = ImageIO.createImageOutputStream(reencoded.toFile())) {
        writer.setOutput(out);
        writer.write(null, new javax.imageio.IIOImage(rgb, null, null), params);
      }
      writer.dispose();
      return Map.of(
          "clipsearch.model.dir", SharedFixtures.tinyClip().toString(),
          "clipsearch.data.dir", root.resolve("data").toString(),
          "clipsearch.auth.token", TOKEN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    assertEquals(18, last.embedded() + last.copied());
  }

  @Test
  @Order(2)
  void clustersCoverEveryDistinctImageWithLabelsAndRepresentatives() {
    ClusterList list =
        client.toBlocking().retrieve("/api/collections/photos/clusters", ClusterList.class);
    assertEquals(18, list.documents());
    assertTrue(list.automaticK());
    assertTrue(list.k() >= 2 && list.k() <= 6, "k " + list.k());
    // 17 distinct images: the exact copy shares its original's id
    assertEquals(17, list.clusters().stream().mapToInt(ClusterInfo::size).sum());
    for (ClusterInfo c : list.clusters()) {
      assertEquals(3, c.labels().size());
      assertFalse(c.representatives().isEmpty());
      assertTrue(c.representatives().getFirst().thumbnailUrl().startsWith("/api/images/"));
    }

    ClusterList three =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.POST("/api/collections/photos/clusters?k=3", "").bearerAuth(TOKEN),
                ClusterList.class);
    assertEquals(3, three.k());
    assertFalse(three.automaticK());
    assertEquals(
        3,
        client.toBlocking().retrieve("/api/collections/photos/clusters", ClusterList.class).k(),
        "the chosen k is kept");
    error(HttpStatus.UNAUTHORIZED, HttpRequest.POST("/api/collections/photos/clusters", ""));
  }

  @Test
  @Order(3)
  void mapServesEveryPointAndRespectsLimitAndBox() {
    CollectionMapView all =
        client.toBlocking().retrieve("/api/collections/photos/map", CollectionMapView.class);
    assertEquals("pca", all.method(), "too few images for UMAP");
    assertEquals(17, all.total());
    assertEquals(17, all.points().size());
    assertTrue(
        all.points().stream().allMatch(p -> p.x() >= 0 && p.x() <= 1 && p.y() >= 0 && p.y() <= 1));
    assertTrue(all.points().stream().allMatch(p -> p.cluster() >= 0));

    assertEquals(
        5,
        client
            .toBlocking()
            .retrieve("/api/collections/photos/map?limit=5", CollectionMapView.class)
            .points()
            .size());
    CollectionMapView left =
        client
            .toBlocking()
            .retrieve("/api/collections/photos/map?bbox=0,0,0.5,1", CollectionMapView.class);
    assertTrue(left.points().stream().allMatch(p -> p.x() <= 0.5));
    assertEquals(left.inBox(), left.points().size());
    error(HttpStatus.BAD_REQUEST, HttpRequest.GET("/api/collections/photos/map?bbox=1,2"));
    error(HttpStatus.BAD_REQUEST, HttpRequest.GET("/api/collections/photos/map?limit=0"));
  }

  @Test
  @Order(4)
  void duplicatesFindTheExactAndTheReencodedCopy() {
    DuplicateGroups loose =
        client.toBlocking().retrieve("/api/collections/photos/duplicates", DuplicateGroups.class);
    assertEquals(0.95, loose.threshold());
    assertFalse(loose.groups().isEmpty());
    // the tiny model's random weights put all photos close together: a strict threshold separates
    // copies
    DuplicateGroups groups =
        client
            .toBlocking()
            .retrieve("/api/collections/photos/duplicates?threshold=0.995", DuplicateGroups.class);
    assertEquals(2, groups.groups().size(), groups.toString());
    DuplicateGroupInfo exact =
        groups.groups().stream()
            .filter(g -> g.members().get(0).id().equals(g.members().get(1).id()))
            .findFirst()
            .orElseThrow();
    assertEquals(1.0, exact.members().get(1).similarity(), 1e-6);
    DuplicateGroupInfo near =
        groups.groups().stream().filter(g -> g != exact).findFirst().orElseThrow();
    assertEquals(original.toString(), near.keep(), "the original has more pixels");
    assertEquals(reencoded.toString(), near.members().get(1).path());
    assertTrue(near.members().get(1).similarity() >= 0.95);
    error(
        HttpStatus.BAD_REQUEST, HttpRequest.GET("/api/collections/photos/duplicates?threshold=2"));
  }

  @Test
  @Order(5)
  void unknownCollectionsAre404() {
    error(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/collections/nope/clusters"));
    error(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/collections/nope/map"));
    error(HttpStatus.NOT_FOUND, HttpRequest.GET("/api/collections/nope/duplicates"));
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
}
