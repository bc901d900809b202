package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.PullStatus;
import io.clipsearch.testing.Await;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A pull while the hub cannot be reached: a state and a message in plain words. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelsOfflineApiTest implements TestPropertyProvider {

  @Inject
  @Client("/")
  HttpClient client;

  private Path modelsDir;

  @Override
  public Map<String, String> getProperties() {
    try {
      Path temp = Files.createTempDirectory("clipsearch-models-offline");
      modelsDir = temp.resolve("models");
      int closedPort;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        closedPort = s.getLocalPort(); // closed again: connections are refused, as offline
      }
      Map<String, String> p =
          new HashMap<>(SharedFixtures.tinyClipServer(temp.resolve("data"), "test-token"));
      p.put("clipsearch.models.dir", modelsDir.toString());
      p.put("clipsearch.models.hub-url", "http://127.0.0.1:" + closedPort);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void offlineSaysSoAndHowToPlaceTheFolderByHand() throws Exception {
    client
        .toBlocking()
        .retrieve(
            HttpRequest.POST("/api/models/ViT-B-32/pull", "").bearerAuth("test-token"),
            PullStatus.class);
    Await.until(
        "the pull to end", Duration.ofSeconds(60), () -> !status().state().equals("RUNNING"));
    PullStatus s = status();
    assertEquals("OFFLINE", s.state());
    assertTrue(
        s.message().startsWith("Cannot reach 127.0.0.1: you seem to be offline."), s.message());
    assertTrue(
        s.message().contains(modelsDir.resolve("ViT-B-32").toAbsolutePath().toString()),
        s.message());
    assertTrue(s.message().contains("immich-app/ViT-B-32__openai"), s.message());
  }

  private PullStatus status() {
    return client.toBlocking().retrieve("/api/models/ViT-B-32/pull", PullStatus.class);
  }
}
