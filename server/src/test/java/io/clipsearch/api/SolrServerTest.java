package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.ClusterList;
import io.clipsearch.api.types.CollectionInfo;
import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.testing.SharedFixtures;
import io.clipsearch.testing.SolrTestCluster;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The REST server with {@code clipsearch.backend.kind=solr}, on a real 2-node SolrCloud: the same
 * API calls as with the embedded index create the Solr collection (2 shards x 2 replicas), index
 * photos through an index job, search them, and cluster them. Only configuration differs.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrServerTest implements TestPropertyProvider {

  static final String TOKEN = "test-token";

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  @Client("/")
  SseClient sse;

  SolrTestCluster cluster;
  Path photos;
  Map<String, String> properties;

  /** Called more than once by the Micronaut extension: one cluster for the class. */
  @Override
  public synchronized Map<String, String> getProperties() {
    if (properties != null) {
      return properties;
    }
    try {
      Path root = Files.createTempDirectory("clipsearch-solr-server");
      photos = Files.createDirectories(root.resolve("photos"));
      SharedFixtures.copySampleJpegs(photos, 24);
      cluster = SolrTestCluster.start(2, root.resolve("solr"));
      properties =
          Map.of(
              "clipsearch.model.dir", SharedFixtures.tinyClip().toString(),
              "clipsearch.data.dir", root.resolve("data").toString(),
              "clipsearch.auth.token", TOKEN,
              "clipsearch.backend.kind", "solr",
              "clipsearch.backend.solr-zk", cluster.zkHost());
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void indexesIntoANewSolrCollection() {
    client
        .toBlocking()
        .exchange(
            HttpRequest.POST(
                    "/api/collections",
                    new CreateCollectionRequest("photos", List.of(photos.toString()), "float32"))
                .bearerAuth(TOKEN));
    IngestStatus last =
        IndexJobs.run(client, sse, TOKEN, "photos", Duration.ofMinutes(3)).getLast();
    assertEquals("DONE", last.phase());
    assertEquals(24, last.embedded());
    CollectionInfo info =
        client.toBlocking().retrieve("/api/collections/photos", CollectionInfo.class);
    assertEquals(24, info.documents());
  }

  @Test
  @Order(2)
  void searchesAndFiltersThroughTheSameApi() {
    SearchResults all =
        client
            .toBlocking()
            .retrieve(
                "/api/search?q=mountains&collection=photos&limit=10&cutoff=false",
                SearchResults.class);
    assertEquals(10, all.hits().size());
    String first = all.hits().getFirst().path();
    assertTrue(first.startsWith(photos.toString()), first);
    SearchResults like =
        client
            .toBlocking()
            .retrieve(
                "/api/search?q=like:"
                    + all.hits().getFirst().id()
                    + "&collection=photos&limit=1&cutoff=false",
                SearchResults.class);
    assertEquals(
        all.hits().getFirst().id(), like.hits().getFirst().id(), "an image is its own nearest");
    SearchResults landscape =
        client
            .toBlocking()
            .retrieve(
                "/api/search?q=mountains&collection=photos&shape=landscape&cutoff=false&limit=50",
                SearchResults.class);
    assertFalse(landscape.hits().isEmpty());
    assertTrue(
        landscape.hits().stream().allMatch(h -> h.width() > h.height()), "only landscape images");
    SearchResults huge =
        client
            .toBlocking()
            .retrieve(
                "/api/search?q=mountains&collection=photos&minSize=100000&cutoff=false",
                SearchResults.class);
    assertTrue(huge.hits() == null || huge.hits().isEmpty(), "no image is 100,000 px high");
  }

  @Test
  @Order(3)
  void clustersComeFromTheSolrCollection() {
    ClusterList list =
        client.toBlocking().retrieve("/api/collections/photos/clusters", ClusterList.class);
    assertFalse(list.clusters().isEmpty());
    assertEquals(24, list.clusters().stream().mapToInt(c -> c.size()).sum());
  }
}
