package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clipsearch.api.security.TokenFile;
import io.clipsearch.model.image.CameraFixtures;
import io.clipsearch.model.image.DecoderLibraries;
import io.clipsearch.model.image.ImageDecoder;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.model.image.RawFileWriter;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HEIC and camera RAW photos over real HTTP: each original served with its real media type, a JPEG
 * rendering on request that any browser shows, and a thumbnail.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CameraFormatsServerTest implements TestPropertyProvider {

  static final ObjectMapper JSON = new ObjectMapper();

  @Inject EmbeddedServer server;

  Path photos;
  Path data;
  int jpegWidth;
  int jpegHeight;

  /** Photo file name to its id. */
  final Map<String, String> ids = new HashMap<>();

  @Override
  public Map<String, String> getProperties() {
    try {
      Path root = Files.createTempDirectory("clipsearch-formats");
      photos = Files.createDirectories(root.resolve("photos"));
      data = root.resolve("data");
      Path jpeg = SharedFixtures.sampleJpegs().get(0);
      var scene = new ImageDecoder().decode(ImageSource.of(jpeg));
      jpegWidth = scene.width();
      jpegHeight = scene.height();
      Files.copy(jpeg, photos.resolve("a.jpg"));
      Files.write(photos.resolve("b.dng"), RawFileWriter.write(scene, null, 1));
      // RAW+JPEG: one photo, found through the JPEG
      Path other = SharedFixtures.sampleJpegs().get(1);
      Files.copy(other, photos.resolve("pair.JPG"));
      Files.write(
          photos.resolve("pair.DNG"),
          RawFileWriter.write(new ImageDecoder().decode(ImageSource.of(other)), null, 1));
      if (DecoderLibraries.libheif().present()) {
        CameraFixtures.heifEncode(jpeg, photos.resolve("c.heic"), false);
      }
      return SharedFixtures.tinyClipServer(data, "");
    } catch (Exception e) {
      throw new IllegalStateException("could not write the test's photos", e);
    }
  }

  @BeforeAll
  void index() throws Exception {
    RawHttp http = new RawHttp(server.getPort());
    String auth = "Authorization: Bearer " + Files.readString(data.resolve(TokenFile.FULL)).strip();
    RawHttpCollections.createAndIndex(http, auth, "photos", photos);
    JsonNode hits =
        JSON.readTree(
                http.get("/api/search?collection=photos&q=photo&cutoff=false&limit=10").body())
            .get("hits");
    hits.forEach(
        h ->
            ids.put(
                Path.of(h.get("path").asText()).getFileName().toString(), h.get("id").asText()));
  }

  @Test
  void eachOriginalIsServedWithItsRealMediaType() throws Exception {
    assumeTrue(DecoderLibraries.libRaw().present(), "LibRaw is not installed: skipped");
    assertEquals(
        "image/jpeg",
        get("/api/images/" + ids.get("a.jpg")).headers().firstValue("content-type").orElseThrow());
    assertEquals(
        "image/x-adobe-dng",
        get("/api/images/" + ids.get("b.dng")).headers().firstValue("content-type").orElseThrow());
    if (ids.containsKey("c.heic")) {
      assertEquals(
          "image/heic",
          get("/api/images/" + ids.get("c.heic"))
              .headers()
              .firstValue("content-type")
              .orElseThrow());
    }
  }

  @Test
  void aRawAndTheJpegBesideItAreOnePhotoWhoseInfoNamesBoth() throws Exception {
    assertTrue(ids.containsKey("pair.JPG"), ids.toString());
    assertFalse(ids.containsKey("pair.DNG"), "the RAW is not listed on its own: " + ids);
    JsonNode info = JSON.readTree(get("/api/images/" + ids.get("pair.JPG") + "/info").body());
    assertEquals(
        "[\"" + photos.resolve("pair.DNG") + "\"]",
        info.get("companions").toString(),
        info.toString());
  }

  @Test
  void aJpegRenderingIsUprightAndDecodableByAnyone() throws Exception {
    assumeTrue(DecoderLibraries.libRaw().present(), "LibRaw is not installed: skipped");
    for (String name : List.of("a.jpg", "b.dng", "c.heic")) {
      if (!ids.containsKey(name)) {
        continue; // c.heic without libheif
      }
      HttpResponse<byte[]> rendering = get("/api/images/" + ids.get(name) + "?format=jpeg");
      assertEquals(200, rendering.statusCode(), name);
      assertEquals("image/jpeg", rendering.headers().firstValue("content-type").orElseThrow());
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(rendering.body()));
      assertNotNull(image, name);
      assertEquals(jpegWidth, image.getWidth(), name);
      assertEquals(jpegHeight, image.getHeight(), name);
      assertEquals(200, get("/api/images/" + ids.get(name) + "/thumbnail").statusCode(), name);
    }
    assertEquals(400, get("/api/images/" + ids.get("a.jpg") + "?format=png").statusCode());
  }

  private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
    String sep = path.contains("?") ? "&" : "?";
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + server.getPort() + path + sep + "collection=photos"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }
}
