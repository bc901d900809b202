package io.clipsearch.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.api.types.SearchLimits;
import io.clipsearch.collection.ThumbnailStore;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.ImageIndex;
import io.clipsearch.index.IndexMismatchException;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.index.XmpTags;
import io.clipsearch.ingest.IngestJob;
import io.clipsearch.ingest.IngestOptions;
import io.clipsearch.ingest.IngestReport;
import io.clipsearch.lucene.IndexReads;
import io.clipsearch.lucene.LuceneKeywordAnalyzer;
import io.clipsearch.lucene.LuceneSearchBackend;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.search.HybridSearch;
import io.clipsearch.search.MatchedBy;
import io.clipsearch.search.PersonDirectory;
import io.clipsearch.search.SearchBackend;
import io.clipsearch.search.SearchFilters;
import io.clipsearch.search.SearchHit;
import io.clipsearch.search.SearchMode;
import io.clipsearch.search.SearchRequest;
import io.clipsearch.search.SearchResponse;
import io.clipsearch.search.SearchSession;
import io.clipsearch.search.SearchSettings;
import io.clipsearch.testing.Await;
import io.clipsearch.testing.SharedFixtures;
import io.clipsearch.testing.SolrTestCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.client.solrj.request.schema.SchemaRequest;
import org.apache.solr.common.util.ContentStreamBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SolrCloud backend against the embedded one on a real 2-node cluster (child JVM, embedded
 * ZooKeeper), collections of 2 shards x 2 replicas, the 210 sample photos embedded by the tiny
 * model: the same queries give the same results, migration copies without re-embedding, a node
 * stopped under query load costs no failed search, and ingest resumes across a node restart without
 * duplicates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SolrBackendTest {

  /** Generous: a search takes milliseconds, but a loaded machine may stall the cluster's JVM. */
  private static final Duration SEARCHES_WAIT = Duration.ofMinutes(3);

  @TempDir static Path tmp;

  SolrTestCluster cluster;
  CloudSolrClient client;
  ClipModel model;
  VectorSpace space;
  SolrSettings settings;
  Path photos;
  VectorIndex embedded;
  SolrImageIndex solr;
  HybridSearch embeddedSearch;
  HybridSearch solrSearch;

  @BeforeAll
  void startClusterAndIndexBoth() throws IOException {
    cluster = SolrTestCluster.start(2, tmp.resolve("solr"));
    settings = new SolrSettings(cluster.zkHost(), 2, 2, 50, 500);
    client = SolrCollections.connect(settings);
    model = ClipModels.load(SharedFixtures.tinyClip());
    space = new VectorSpace(model.info().id(), model.dimension());
    photos = SharedFixtures.path("sample-images");

    embedded = VectorIndex.open(tmp.resolve("lucene"), space, VectorFormat.FLOAT32);
    ingest(embedded);
    SolrCollections.create(client, "photos", space, 2, 2);
    solr = SolrImageIndex.open(client, "photos", space, settings, new LuceneKeywordAnalyzer());
    ingest(solr);
    embedded.refresh();
    solr.refresh();
    embeddedSearch =
        new HybridSearch(new LuceneSearchBackend(embedded, 4), model, SearchSettings.DEFAULTS);
    solrSearch = new HybridSearch(new SolrSearchBackend(solr), model, SearchSettings.DEFAULTS);
  }

  @AfterAll
  void stop() throws IOException {
    if (embedded != null) {
      embedded.close();
    }
    if (client != null) {
      client.close();
    }
    if (model != null) {
      model.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  /** The read side of either index. */
  private static SearchBackend reader(ImageIndex index) {
    return index instanceof VectorIndex lucene
        ? IndexReads.backend(lucene)
        : new SolrSearchBackend((SolrImageIndex) index);
  }

  /** A read in a session of its own. */
  private static <T> T read(ImageIndex index, SessionRead<T> read) throws IOException {
    try (SearchSession s = reader(index).session()) {
      return read.apply(s);
    }
  }

  @FunctionalInterface
  private interface SessionRead<T> {
    T apply(SearchSession session) throws IOException;
  }

  private IngestReport ingest(ImageIndex index) throws IOException {
    return new IngestJob(
            model,
            index,
            reader(index),
            new ThumbnailStore(tmp.resolve("thumbs")),
            List.of(photos),
            IngestOptions.defaults(),
            p -> {})
        .run();
  }

  private List<String> top(HybridSearch service, SearchRequest request) throws Exception {
    return service.search(request.withPage(0, 10).withCutoff(null, false)).hits().stream()
        .map(SearchHit::path)
        .toList();
  }

  private static double overlap(List<String> a, List<String> b) {
    Set<String> common = new HashSet<>(a);
    common.retainAll(new HashSet<>(b));
    return common.size() / (double) Math.max(a.size(), b.size());
  }

  @Test
  @Order(1)
  void holdsWhatTheEmbeddedIndexHolds() throws IOException {
    long files = SharedFixtures.sampleJpegs().size();
    assertEquals(files, embedded.count());
    assertEquals(files, solr.count());
    Path any = SharedFixtures.sampleJpegs().get(17);
    ImageDoc local = read(embedded, s -> s.findByPath(any)).orElseThrow();
    assertEquals(
        local,
        read(solr, s -> s.findByPath(any)).orElseThrow(),
        "every field and the vector, bit for bit");
    assertEquals(local.path(), read(solr, s -> s.findById(local.id())).orElseThrow().path());
    assertEquals(
        read(embedded, s -> s.fileStates(photos.resolve("kodak24"))).size(),
        read(solr, s -> s.fileStates(photos.resolve("kodak24"))).size());
  }

  @Test
  @Order(2)
  void sameQueriesGiveTheSameResults() throws Exception {
    String likeId =
        read(embedded, s -> s.findByPath(SharedFixtures.sampleJpegs().get(3))).orElseThrow().id();
    byte[] image = Files.readAllBytes(SharedFixtures.sampleJpegs().get(40));
    List<SearchRequest> requests =
        List.of(
            SearchRequest.of("a photo of a dog"),
            SearchRequest.of("beach sunset -people"),
            SearchRequest.of("2:\"red car\" +snow"),
            SearchRequest.of("like:" + likeId),
            new SearchRequest(null, image, null, null, 0, 10, SearchMode.HYBRID, null, true),
            filtered(
                "mountains",
                new SearchFilters(
                    null, null, photos.resolve("elementary").toString(), null, null, null)),
            filtered(
                "mountains",
                new SearchFilters(
                    null, null, null, null, io.clipsearch.search.Shape.PORTRAIT, 300)),
            // hybrid with few BM25 ties: tied keyword scores (every "kodim" file) are ordered by
            // doc id,
            // which differs between one index and two shards
            SearchRequest.of("ladybird flower").withMode(SearchMode.HYBRID));
    for (SearchRequest r : requests) {
      List<String> lucene = top(embeddedSearch, r);
      List<String> cloud = top(solrSearch, r);
      assertFalse(lucene.isEmpty(), "no results for " + r);
      assertTrue(overlap(lucene, cloud) >= 0.9, r + ": embedded " + lucene + " vs solr " + cloud);
      assertEquals(lucene.getFirst(), cloud.getFirst(), "best hit of " + r);
    }
    // the cosines agree, not only the order
    double a =
        embeddedSearch
            .search(SearchRequest.of("a photo of a dog").withPage(0, 1).withCutoff(null, false))
            .hits()
            .getFirst()
            .score();
    double b =
        solrSearch
            .search(SearchRequest.of("a photo of a dog").withPage(0, 1).withCutoff(null, false))
            .hits()
            .getFirst()
            .score();
    assertEquals(a, b, 1e-5);
  }

  @Test
  @Order(3)
  void personListingsAndLeftOutPersonsAsInTheEmbeddedIndex() throws Exception {
    List<String> ids = new ArrayList<>();
    for (Path p : SharedFixtures.sampleJpegs().subList(0, 8)) {
      ids.add(read(embedded, s -> s.findByPath(p)).orElseThrow().id());
    }
    Set<String> anna = Set.copyOf(ids);
    Set<String> ben = Set.copyOf(ids.subList(2, 4));
    PersonDirectory people =
        name -> name.equals("anna") ? anna : name.equals("ben") ? ben : Set.of();
    HybridSearch onLucene =
        new HybridSearch(
            new LuceneSearchBackend(embedded, 4), model, SearchSettings.DEFAULTS, people);
    HybridSearch onSolr =
        new HybridSearch(new SolrSearchBackend(solr), model, SearchSettings.DEFAULTS, people);
    // a listing: the same photos in the same order (newest first, then path), page by page
    for (int offset : new int[] {0, 4}) {
      SearchRequest listing = SearchRequest.of("person:anna -person:ben").withPage(offset, 4);
      SearchResponse expected = onLucene.search(listing);
      SearchResponse got = onSolr.search(listing);
      assertEquals(6, got.candidates());
      assertEquals(
          expected.hits().stream().map(SearchHit::path).toList(),
          got.hits().stream().map(SearchHit::path).toList(),
          "offset " + offset);
    }
    // a search leaving a person out: none of his photos, the rest as on the embedded engine
    SearchRequest withoutBen = SearchRequest.of("a photo -person:ben");
    List<String> lucene = top(onLucene, withoutBen);
    List<String> cloud = top(onSolr, withoutBen);
    assertTrue(overlap(lucene, cloud) >= 0.9, "embedded " + lucene + " vs solr " + cloud);
    Set<String> bens = new HashSet<>();
    for (String id : ben) {
      bens.add(read(embedded, s -> s.findById(id)).orElseThrow().path().toString());
    }
    assertTrue(
        onSolr.search(withoutBen.withCutoff(null, false)).hits().stream()
            .noneMatch(h -> bens.contains(h.path())));
  }

  @Test
  @Order(4)
  void xmpTagsAreStoredAndFilteredAsInTheEmbeddedIndex() throws Exception {
    SolrCollections.create(client, "xmp", space, 2, 2);
    // as a collection made by a version before XMP: its configset lacks the fields; opening it
    // brings them in
    SolrConfigset current = new SolrConfigset(space.dimension());
    String schema = new String(current.files().get("managed-schema.xml"), StandardCharsets.UTF_8);
    for (String field : SolrCollections.ADDED_FIELDS) {
      schema = schema.replaceAll("(?m)^\\s*<field name=\"" + field + "\"[^\n]*\n", "");
    }
    uploadZip(
        current.name(),
        Map.of(
            "solrconfig.xml",
            current.files().get("solrconfig.xml"),
            "managed-schema.xml",
            schema.getBytes(StandardCharsets.UTF_8)));
    CollectionAdminRequest.reloadCollection("xmp").process(client);
    SolrCollections.awaitActive(client, "xmp");
    assertEquals(SolrCollections.ADDED_FIELDS, missingFields("xmp"), "an old collection");
    try (VectorIndex lucene =
            VectorIndex.open(tmp.resolve("lucene-xmp"), space, VectorFormat.FLOAT32);
        SolrImageIndex cloud =
            SolrImageIndex.open(client, "xmp", space, settings, new LuceneKeywordAnalyzer())) {
      List<ImageDoc> docs = new ArrayList<>();
      XmpTags[] tags = {
        new XmpTags(5, "red", List.of("osprey", "lake"), "At sunset", "Fishing"),
        new XmpTags(-1, "blue", List.of("blurred"), null, null),
        XmpTags.NONE
      };
      for (int i = 0; i < tags.length; i++) {
        ImageDoc doc =
            read(embedded, s -> s.findByPath(SharedFixtures.sampleJpegs().get(0))).orElseThrow();
        docs.add(
            new ImageDoc(
                photos.resolve("xmp/IMG_" + i + ".jpg"),
                "xmp-" + i,
                doc.size(),
                doc.mtimeMillis(),
                doc.width(),
                doc.height(),
                doc.metadata().withXmp(tags[i]),
                doc.vector(),
                List.of(),
                i == 0 ? 1_700_000_000_123L : 0));
      }
      for (ImageDoc d : docs) {
        lucene.upsert(d);
        cloud.upsert(d);
      }
      lucene.refresh();
      cloud.refresh();
      assertEquals(List.of(), missingFields("xmp"), "brought up to date when opened");
      for (ImageDoc d : docs) {
        assertEquals(d, read(cloud, s -> s.findByPath(d.path())).orElseThrow());
        assertEquals(d, read(lucene, s -> s.findByPath(d.path())).orElseThrow());
      }
      assertEquals(
          1_700_000_000_123L,
          read(cloud, s -> s.fileStatesOf(List.of(docs.getFirst().path())))
              .get(docs.getFirst().path())
              .sidecarMtimeMillis());
      HybridSearch onLucene =
          new HybridSearch(new LuceneSearchBackend(lucene, 4), model, SearchSettings.DEFAULTS);
      HybridSearch onSolr =
          new HybridSearch(new SolrSearchBackend(cloud), model, SearchSettings.DEFAULTS);
      SearchFilters hidden = SearchFilters.NONE.hidingRejected(true);
      for (SearchRequest r :
          List.of(
              SearchRequest.of("a photo rating>=4").withFilters(hidden),
              SearchRequest.of("a photo label:blue").withFilters(SearchFilters.NONE),
              SearchRequest.of("a photo").withFilters(hidden),
              SearchRequest.of("osprey").withFilters(hidden))) {
        List<String> expected = top(onLucene, r).stream().sorted().toList();
        assertEquals(expected, top(onSolr, r).stream().sorted().toList(), r.toString());
      }
      assertEquals(
          List.of(docs.get(0).path().toString(), docs.get(2).path().toString()),
          top(onSolr, SearchRequest.of("a photo").withFilters(hidden)).stream().sorted().toList());
      assertEquals(
          MatchedBy.KEYWORD,
          onSolr.search(SearchRequest.of("osprey").withCutoff(null, false)).hits().stream()
              .filter(h -> h.path().equals(docs.getFirst().path().toString()))
              .findFirst()
              .orElseThrow()
              .matchedBy());
    }
  }

  @Test
  @Order(5)
  void migrateCopiesEveryDocumentWithoutReembedding() throws IOException {
    SolrCollections.create(client, "migrated", space, 2, 2);
    try (SolrImageIndex target =
        SolrImageIndex.open(client, "migrated", space, settings, new LuceneKeywordAnalyzer())) {
      long copied = IndexCopier.copy(embedded, reader(embedded), target, n -> {});
      assertEquals(embedded.count(), copied);
      // a second run replaces, never duplicates
      IndexCopier.copy(embedded, reader(embedded), target, n -> {});
      target.refresh();
      assertEquals(embedded.count(), target.count());
      Path any = SharedFixtures.sampleJpegs().get(100);
      assertEquals(
          read(embedded, s -> s.findByPath(any)).orElseThrow(),
          read(target, s -> s.findByPath(any)).orElseThrow());
    }
  }

  @Test
  @Order(6)
  void anotherModelsCollectionIsRefused() {
    VectorSpace other = new VectorSpace("some-other-model", space.dimension());
    IndexMismatchException e =
        assertThrows(
            IndexMismatchException.class,
            () ->
                SolrImageIndex.open(
                    client, "photos", other, settings, new LuceneKeywordAnalyzer()));
    assertTrue(e.getMessage().contains(space.modelId()), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SolrImageIndex.open(client, "nope", space, settings, new LuceneKeywordAnalyzer()));
  }

  @Test
  @Order(7)
  void searchesSurviveANodeStoppedUnderLoad() throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger done = new AtomicInteger();
    List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    List<String> expected = top(solrSearch, SearchRequest.of("a city at night"));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        clients.add(
            pool.submit(
                () -> {
                  while (running.get()) {
                    try {
                      List<String> got = top(solrSearch, SearchRequest.of("a city at night"));
                      if (!got.equals(expected)) {
                        errors.add(new AssertionError("results changed: " + got));
                      }
                      done.incrementAndGet();
                    } catch (Exception e) {
                      errors.add(e);
                    }
                  }
                }));
      }
      Await.until("10 searches", SEARCHES_WAIT, () -> done.get() >= 10 || !errors.isEmpty());
      cluster.stopNode(1);
      int atStop = done.get();
      Await.until(
          "20 searches with node 1 down",
          SEARCHES_WAIT,
          () -> done.get() >= atStop + 20 || !errors.isEmpty());
      cluster.startNode(1);
      Await.until(
          "20 searches with node 1 back",
          SEARCHES_WAIT,
          () -> done.get() >= atStop + 40 || !errors.isEmpty());
      running.set(false);
      for (Future<?> f : clients) {
        f.get();
      }
    } finally {
      running.set(false);
      pool.shutdownNow();
    }
    assertEquals(List.of(), errors, "searches while node 1 went down and came back");
    SolrCollections.awaitActive(client, "photos");
    assertEquals(SharedFixtures.sampleJpegs().size(), solr.count(), "no document lost");
  }

  @Test
  @Order(8)
  void ingestResumesAcrossANodeRestartWithoutDuplicates() throws Exception {
    SolrCollections.create(client, "resumed", space, 2, 2);
    try (SolrImageIndex target =
        SolrImageIndex.open(client, "resumed", space, settings, new LuceneKeywordAnalyzer())) {
      cluster.stopNode(1);
      IngestReport first = ingest(target);
      cluster.startNode(1);
      SolrCollections.awaitActive(client, "resumed");
      IngestReport second = ingest(target);
      target.refresh();
      long files = SharedFixtures.sampleJpegs().size();
      assertEquals(files, first.counts().embedded() + first.counts().failed());
      assertEquals(
          first.counts().embedded(),
          second.counts().unchanged(),
          "the second run re-embeds nothing it has");
      assertEquals(files, target.count(), "every file once");
    }
  }

  /** {@link SearchRequest#of} with {@code filters}. */
  private static SearchRequest filtered(String query, SearchFilters filters) {
    return new SearchRequest(
        query, null, filters, null, 0, SearchLimits.DEFAULT_LIMIT, SearchMode.HYBRID, null, true);
  }

  private List<String> missingFields(String collection) throws Exception {
    List<String> present = new ArrayList<>();
    for (Map<String, Object> f :
        new SchemaRequest.Fields().process(client, collection).getFields()) {
      present.add(String.valueOf(f.get("name")));
    }
    return SolrCollections.ADDED_FIELDS.stream().filter(f -> !present.contains(f)).toList();
  }

  private void uploadZip(String name, Map<String, byte[]> files) throws Exception {
    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(zip)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        out.putNextEntry(new ZipEntry(f.getKey()));
        out.write(f.getValue());
        out.closeEntry();
      }
    }
    new ConfigSetAdminRequest.Upload()
        .setConfigSetName(name)
        .setOverwrite(true)
        .setUploadStream(
            new ContentStreamBase.ByteArrayStream(zip.toByteArray(), "old.zip", "application/zip"))
        .process(client);
  }
}
