package io.clipsearch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.ActivationStatus;
import io.clipsearch.api.types.CreateCollectionRequest;
import io.clipsearch.api.types.IngestStatus;
import io.clipsearch.api.types.ModelDescription;
import io.clipsearch.api.types.ModelEntry;
import io.clipsearch.api.types.ModelList;
import io.clipsearch.api.types.PullStatus;
import io.clipsearch.api.types.SearchResults;
import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.testing.Await;
import io.clipsearch.testing.HubFixture;
import io.clipsearch.testing.SharedFixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The Models API over real HTTP against a fake hub on loopback ({@link HubFixture}) serving the
 * tiny-clip model under ViT-B-32's repository: the list, a corrupt download, a pull stalled and
 * cancelled then resumed, verification, and the switch of an indexed library to the pulled model.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelsApiTest implements TestPropertyProvider {

  private static final String TOKEN = "test-token";
  private static final String MODEL = "ViT-B-32";
  private static final String VISUAL = "visual/model.onnx";

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  @Client("/")
  SseClient sse;

  private HubFixture hub;
  private Path data;
  private Path modelsDir;
  private Path photos;

  @Override
  public Map<String, String> getProperties() {
    try {
      hub = new HubFixture("immich-app/ViT-B-32__openai").folder(SharedFixtures.tinyClip());
      Path temp = Files.createTempDirectory("clipsearch-models-api");
      data = temp.resolve("data");
      modelsDir = temp.resolve("models");
      photos = temp.resolve("photos");
      SharedFixtures.copySampleJpegs(photos, 4);
      Map<String, String> p = new HashMap<>(SharedFixtures.tinyClipServer(data, TOKEN));
      p.put("clipsearch.models.dir", modelsDir.toString());
      p.put("clipsearch.models.hub-url", hub.baseUrl().toString());
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  void stopHub() {
    hub.close();
  }

  @Test
  @Order(1)
  void listsTheCatalogWithFactsAndTheActiveModel() {
    ModelList list = list();
    ModelEntry vit = entry(list, MODEL);
    assertEquals("catalog", vit.kind());
    assertEquals("ABSENT", vit.state());
    assertEquals("English", vit.languages());
    assertEquals("immich-app/ViT-B-32__openai", vit.repo());
    assertTrue(vit.approxBytes() > 0);
    assertTrue(entry(list, "xlm-roberta-base-ViT-B-32").languages().contains("100"));
    assertEquals("ACTIVE", entry(list, "tiny-clip").state());
    assertEquals("tiny-clip", list.active());
    assertEquals(modelsDir.toAbsolutePath().normalize().toString(), list.modelsDir());
    assertEquals(hub.baseUrl().toString(), list.hub());
  }

  @Test
  @Order(2)
  void changesNeedTheTokenAndUnknownModelsAre404() {
    HttpClientResponseException noToken =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client
                    .toBlocking()
                    .exchange(HttpRequest.POST("/api/models/" + MODEL + "/pull", "")));
    assertEquals(HttpStatus.UNAUTHORIZED, noToken.getStatus());
    HttpClientResponseException unknown =
        assertThrows(HttpClientResponseException.class, () -> pull("no-such-model"));
    assertEquals(HttpStatus.NOT_FOUND, unknown.getStatus());
    HttpClientResponseException notPulled =
        assertThrows(HttpClientResponseException.class, () -> activate(MODEL));
    assertEquals(HttpStatus.CONFLICT, notPulled.getStatus());
  }

  @Test
  @Order(3)
  void aCorruptDownloadFailsAndIsDeleted() throws Exception {
    hub.corrupt.add(VISUAL);
    try {
      pull(MODEL);
      PullStatus failed = awaitPull("the corrupt pull to fail", s -> !s.state().equals("RUNNING"));
      assertEquals("FAILED", failed.state());
      assertTrue(
          failed.message().contains(VISUAL + " of immich-app/ViT-B-32__openai is corrupt"),
          failed.message());
      assertFalse(Files.exists(modelsDir.resolve(MODEL).resolve(VISUAL + ".part")));
    } finally {
      hub.corrupt.clear();
    }
  }

  @Test
  @Order(4)
  void aStalledPullIsCancelledKeepingItsPartThenResumedAndVerified() throws Exception {
    hub.stallAfterBytes.put(VISUAL, 400_000L);
    pull(MODEL);
    awaitPull(
        "the pull to stall in " + VISUAL,
        s -> VISUAL.equals(s.file()) && s.bytesDone() > 0 && hub.bodyBytesSent.get() > 0);
    Path part = modelsDir.resolve(MODEL).resolve(VISUAL + ".part");
    Await.until(
        "400 kB in the part file",
        Duration.ofSeconds(30),
        () -> Files.exists(part) && Files.size(part) == 400_000L);
    PullStatus cancelled =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.DELETE("/api/models/" + MODEL + "/pull").bearerAuth(TOKEN),
                PullStatus.class);
    assertEquals(MODEL, cancelled.model());
    PullStatus ended = awaitPull("the cancel", s -> !s.state().equals("RUNNING"));
    assertEquals("CANCELLED", ended.state());
    assertEquals(400_000L, Files.size(part), "the part file stays for the next pull");
    ModelEntry partial = entry(list(), MODEL);
    assertEquals("PARTIAL", partial.state());
    assertTrue(partial.bytesOnDisk() >= 400_000L, "" + partial.bytesOnDisk());

    PullStatus resumed = pull(MODEL);
    assertTrue(List.of("RUNNING", "VERIFYING", "VERIFIED").contains(resumed.state()));
    PullStatus done =
        awaitPull(
            "the resumed pull and its verification",
            s -> s.state().equals("VERIFIED") || s.state().equals("FAILED"));
    assertEquals("VERIFIED", done.state(), () -> done.message() + " " + done.checks());
    assertEquals(done.bytesTotal(), done.bytesDone());
    assertFalse(done.checks().isEmpty());
    assertTrue(done.checks().stream().allMatch(c -> c.passed()));
    HubFixture.Request last = hub.downloadsOf(VISUAL).getLast();
    assertEquals("bytes=400000-", last.range(), "resumed where the cancelled pull stopped");
    assertEquals("VERIFIED", entry(list(), MODEL).state());
  }

  @Test
  @Order(5)
  void switchingReindexesTheLibraryThenSearchesUseTheNewModel() throws Exception {
    client
        .toBlocking()
        .exchange(
            HttpRequest.POST(
                    "/api/collections",
                    new CreateCollectionRequest("default", List.of(photos.toString()), null))
                .bearerAuth(TOKEN));
    IngestStatus indexed =
        IndexJobs.run(client, sse, TOKEN, "default", Duration.ofMinutes(2)).getLast();
    assertEquals("DONE", indexed.phase());
    String oldId = model().id();

    ActivationStatus started = activate(MODEL);
    assertEquals(MODEL, started.model());
    Await.until(
        "the switch",
        Duration.ofMinutes(3),
        () -> !List.of("LOADING", "REINDEXING", "SWITCHING").contains(activation().state()));
    ActivationStatus done = activation();
    assertEquals("ACTIVE", done.state(), done.message());
    assertEquals(1, done.collectionsDone());
    assertEquals(4, done.progress().embedded(), "every photo embedded again");
    assertTrue(done.message().contains("at its next start that setting wins"), done.message());

    String newId = model().id();
    assertNotEquals(oldId, newId);
    assertTrue(newId.startsWith(MODEL), newId);
    assertEquals("ACTIVE", entry(list(), MODEL).state());
    assertEquals("PRESENT", entry(list(), "tiny-clip").state());
    try (Stream<Path> indexes = Files.list(data.resolve("default").resolve("index"))) {
      assertEquals(2, indexes.count(), "the old index stays beside the new one");
    }
    assertEquals(
        modelsDir.resolve(MODEL).toAbsolutePath().normalize().toString(),
        Files.readString(CollectionLayout.modelChoiceFile(data)).strip());
    SearchResults results =
        client
            .toBlocking()
            .retrieve("/api/search?q=a+photo&cutoff=false&limit=10", SearchResults.class);
    assertEquals(4, results.hits().size(), "the search runs on the new index");
    HttpClientResponseException again =
        assertThrows(HttpClientResponseException.class, () -> activate(MODEL));
    assertEquals(HttpStatus.CONFLICT, again.getStatus());
  }

  private PullStatus pull(String name) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.POST("/api/models/" + name + "/pull", "").bearerAuth(TOKEN),
            PullStatus.class);
  }

  private ActivationStatus activate(String name) {
    return client
        .toBlocking()
        .retrieve(
            HttpRequest.POST("/api/models/" + name + "/activate", "").bearerAuth(TOKEN),
            ActivationStatus.class);
  }

  private ActivationStatus activation() {
    return client.toBlocking().retrieve("/api/models/activation", ActivationStatus.class);
  }

  private ModelDescription model() {
    return client.toBlocking().retrieve("/api/model", ModelDescription.class);
  }

  private ModelList list() {
    return client.toBlocking().retrieve("/api/models", ModelList.class);
  }

  private PullStatus awaitPull(String what, java.util.function.Predicate<PullStatus> done)
      throws Exception {
    Await.until(
        what,
        Duration.ofSeconds(60),
        () ->
            done.test(
                client.toBlocking().retrieve("/api/models/" + MODEL + "/pull", PullStatus.class)));
    return client.toBlocking().retrieve("/api/models/" + MODEL + "/pull", PullStatus.class);
  }

  private static ModelEntry entry(ModelList list, String name) {
    return list.models().stream()
        .filter(m -> m.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + list.models()));
  }
}
