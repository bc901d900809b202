package io.clipsearch.api;

import static io.clipsearch.api.ApiErrorAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipsearch.api.types.ApiError;
import io.clipsearch.api.types.CollectionInfo;
import io.clipsearch.collection.CollectionOpener;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.model.ClipModel;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A collection whose index another opener holds (as a second clipsearch process on the same data
 * folder does, through Lucene's write lock): the server answers 409 with a message that names the
 * collection, the holder's pid and the lock file, instead of a 500; once the holder closes it, the
 * server opens it.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectionInUseServerTest implements TestPropertyProvider {

  @Inject
  @Client("/")
  HttpClient client;

  @Inject ClipModel model;

  Path data;
  Path photos;

  @Override
  public Map<String, String> getProperties() {
    try {
      Path root = Files.createTempDirectory("clipsearch-in-use");
      photos = Files.createDirectories(root.resolve("photos"));
      data = root.resolve("data");
      return Map.of(
          "clipsearch.model.dir", SharedFixtures.tinyClip().toString(),
          "clipsearch.data.dir", data.toString(),
          "clipsearch.auth.token", "test-token");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aCollectionOpenElsewhereIsAConflictNamingTheHolder() throws IOException {
    CollectionOpener other = CollectionOpener.embedded(data, model);
    other.define("photos", List.of(photos), Optional.empty());
    try (OpenCollection held = other.open("photos")) {
      Path lock = held.layout().indexDir(model.info().id()).resolve("write.lock");
      String expected =
          "collection 'photos' is open in another clipsearch process (pid "
              + ProcessHandle.current().pid()
              + ", lock file "
              + lock
              + "): close it or use another data folder";

      ApiError info =
          assertError(client, HttpStatus.CONFLICT, HttpRequest.GET("/api/collections/photos"));
      assertEquals(expected, info.message());
      assertEquals("conflict", info.error());
      ApiError search =
          assertError(
              client, HttpStatus.CONFLICT, HttpRequest.GET("/api/search?q=cat&collection=photos"));
      assertEquals(expected, search.message());
    }
    CollectionInfo opened =
        client.toBlocking().retrieve("/api/collections/photos", CollectionInfo.class);
    assertEquals("photos", opened.name());
  }
}
