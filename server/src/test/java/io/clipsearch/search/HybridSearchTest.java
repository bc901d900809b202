package io.clipsearch.search;

import static io.clipsearch.search.KeywordEmbedder.axis;
import static io.clipsearch.search.KeywordEmbedder.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.lucene.ExactSearch;
import io.clipsearch.lucene.FilterQueries;
import io.clipsearch.lucene.IndexReads;
import io.clipsearch.lucene.LuceneKeywordAnalyzer;
import io.clipsearch.lucene.LuceneSearchBackend;
import io.clipsearch.lucene.ScoredDoc;
import io.clipsearch.lucene.SearcherCount;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.lucene.VectorSearch;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link HybridSearch} on a tiny hand-built index with {@link KeywordEmbedder}: four photos on
 * keyword axes and 40 background photos orthogonal to them.
 */
class HybridSearchTest {

  static final Instant Y2020 = Instant.parse("2020-01-01T00:00:00Z");
  static final Instant Y2022 = Instant.parse("2022-01-01T00:00:00Z");

  @TempDir Path dir;
  VectorIndex index;
  HybridSearch service;

  static ImageDoc doc(String path, String id, int w, int h, PhotoMetadata m, float[] v) {
    return new ImageDoc(Path.of(path), id, 1000, Y2022.toEpochMilli(), w, h, m, v);
  }

  static PhotoMetadata takenWith(Instant taken, String make, String model) {
    return new PhotoMetadata(
        Optional.of(taken),
        Optional.ofNullable(make),
        Optional.ofNullable(model),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        1);
  }

  @BeforeEach
  void build() throws Exception {
    index =
        VectorIndex.open(
            dir, new VectorSpace("keywords", KeywordEmbedder.DIM), VectorFormat.FLOAT32);
    index.upsert(doc("/p/beach/a.jpg", "a", 800, 600, takenWith(Y2020, null, null), axis("beach")));
    float[] beachPeople = unit(1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    index.upsert(doc("/p/beach/b.jpg", "b", 800, 600, PhotoMetadata.NONE, beachPeople));
    index.upsert(
        doc(
            "/p/snow/IMG_2041.jpg",
            "c",
            480,
            640,
            takenWith(Instant.parse("2021-06-01T00:00:00Z"), "Canon", "Canon EOS R5"),
            axis("snow")));
    index.upsert(doc("/p/snow/sub/d.jpg", "d", 300, 300, PhotoMetadata.NONE, axis("sunset")));
    Random random = new Random(1);
    for (int i = 0; i < 40; i++) {
      float[] v = new float[KeywordEmbedder.DIM];
      for (int d = 4; d < v.length; d++) {
        v[d] = (float) random.nextGaussian();
      }
      for (int d = 0; d < 4; d++) {
        v[d] = (float) (0.05 * random.nextGaussian());
      }
      index.upsert(
          doc("/p/other/bg" + i + ".jpg", "bg" + i, 1000, 800, PhotoMetadata.NONE, unit(v)));
    }
    index.refresh();
    service =
        new HybridSearch(
            new LuceneSearchBackend(index, SearchSettings.DEFAULTS.oversample()),
            new KeywordEmbedder(),
            SearchSettings.DEFAULTS);
  }

  @AfterEach
  void close() throws Exception {
    index.close();
  }

  List<String> ids(SearchResponse r) {
    return r.hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void textQueryFindsAndCountsConfidentMatches() throws Exception {
    SearchResponse r = service.search(SearchRequest.of("beach"));
    // a: cos 1; b: cos 1/sqrt(2) = 0.7071; the background sits near 0 with σ ≈ 0.05/|v|
    assertEquals(List.of("a", "b"), ids(r));
    assertEquals(1.0, r.hits().get(0).score(), 1e-6);
    assertEquals(Math.sqrt(0.5), r.hits().get(1).score(), 1e-6);
    assertEquals(2, r.confidentCount());
    assertTrue(r.calibrated());
    assertTrue(r.threshold() > 0 && r.threshold() < 0.5, "threshold " + r.threshold());
    assertEquals(44, r.candidates());
    ImageDoc a = IndexReads.findById(index, "a").orElseThrow();
    assertEquals(
        new SearchHit(
            "a",
            "/p/beach/a.jpg",
            r.hits().get(0).score(),
            true,
            MatchedBy.FOLDER,
            1000,
            800,
            600,
            Y2020),
        r.hits().get(0)); // "beach" is also its folder's name: a text match
    assertEquals(a.dateMillis(), Y2020.toEpochMilli());
  }

  @Test
  void aNegativeTermPushesAMatchDown() throws Exception {
    // q = (beach - people) / sqrt(2): a scores 0.7071, b scores 0
    SearchResponse r =
        service.search(SearchRequest.of("beach -people").withMode(SearchMode.VECTOR));
    assertEquals(List.of("a"), ids(r));
    assertEquals(Math.sqrt(0.5), r.hits().get(0).score(), 1e-6);
    SearchResponse all =
        service.search(
            SearchRequest.of("beach -people")
                .withMode(SearchMode.VECTOR)
                .withCutoff(null, false)
                .withPage(0, 3));
    assertEquals("a", all.hits().get(0).id());
    assertFalse(all.hits().stream().filter(h -> h.id().equals("b")).anyMatch(SearchHit::confident));
  }

  @Test
  void likeSearchesByAnIndexedImage() throws Exception {
    SearchResponse r = service.search(SearchRequest.of("like:c"));
    assertEquals("c", r.hits().get(0).id());
    assertEquals(1.0, r.hits().get(0).score(), 1e-6);
    UnknownImageException e =
        assertThrows(
            UnknownImageException.class, () -> service.search(SearchRequest.of("like:nope")));
    assertTrue(e.getMessage().startsWith("no indexed image has id 'nope'"), e.getMessage());
  }

  @Test
  void theExampleOfALikeQueryIsConfidentByRuleAndTheRestByTheCutoff() throws Exception {
    // q = a's vector: a scores 1, b 0.7071, c and d 0, the background ~N(0, 0.015)
    SearchResponse r = service.search(SearchRequest.of("like:a").withCutoff(null, false));
    assertEquals("a", r.hits().get(0).id());
    assertTrue(r.hits().get(0).confident());
    assertTrue(r.threshold() > 0 && r.threshold() < 0.5, "threshold " + r.threshold());
    assertTrue(r.hits().stream().filter(h -> h.id().equals("b")).allMatch(SearchHit::confident));
    for (SearchHit h : r.hits().subList(1, r.hits().size())) {
      assertEquals(h.score() >= r.threshold(), h.confident(), h.id() + " at " + h.score());
    }
    // a negative like: is no example
    SearchResponse away =
        service.search(SearchRequest.of("like:a -like:b").withCutoff(null, false));
    assertFalse(
        away.hits().stream().filter(h -> h.id().equals("b")).anyMatch(SearchHit::confident));
  }

  @Test
  void theExampleIsConfidentWhereEveryScoreIsNearOne(@TempDir Path nearDir) throws Exception {
    // ten images within 0.01 rad of one direction: every cosine > 0.9999, so the calibrated
    // threshold is capped at 1.0 and whether the example's own 1 +- 1 ulp passes it would ride on
    // the kernel's rounding (issue 23); the others sit 1e-5 or more below 1 and never pass
    try (VectorIndex near =
        VectorIndex.open(
            nearDir, new VectorSpace("keywords", KeywordEmbedder.DIM), VectorFormat.FLOAT32)) {
      for (int i = 0; i < 10; i++) {
        float[] v = axis("beach");
        v[4 + i] = 0.01f * (i + 1);
        near.upsert(doc("/n/img" + i + ".jpg", "n" + i, 100, 100, PhotoMetadata.NONE, unit(v)));
      }
      near.refresh();
      HybridSearch nearService =
          new HybridSearch(
              new LuceneSearchBackend(near, SearchSettings.DEFAULTS.oversample()),
              new KeywordEmbedder(),
              SearchSettings.DEFAULTS);
      SearchResponse r = nearService.search(SearchRequest.of("like:n3"));
      assertEquals(1.0, r.threshold(), 1e-12);
      assertEquals("n3", r.hits().get(0).id());
      assertTrue(r.hits().get(0).confident());
      assertEquals(1, r.confidentCount());
      assertTrue(r.hits().stream().skip(1).noneMatch(SearchHit::confident));
    }
  }

  @Test
  void aFolderHoldingEveryWordOfTheQueryIsConfidentAndComesFirst() throws Exception {
    // 20 photos in "Lisbon trip 2019", their vectors background-like: the model cannot see the
    // word, the folder name says it; RRF alone ranks vector rank 1 (1/61) above the 20th name
    // match (1/80 + a deep vector rank)
    Random random = new Random(3);
    for (int i = 0; i < 20; i++) {
      float[] v = new float[KeywordEmbedder.DIM];
      for (int d = 0; d < v.length; d++) {
        v[d] = (float) random.nextGaussian();
      }
      index.upsert(
          doc(
              "/p/Lisbon trip 2019/IMG_" + (3000 + i) + ".jpg",
              "l" + i,
              1000,
              800,
              PhotoMetadata.NONE,
              unit(v)));
    }
    index.refresh();
    SearchResponse r =
        service.search(SearchRequest.of("lisbon").withCutoff(null, false).withPage(0, 64));
    // every Lisbon photo confident, and every confident hit before every other one (a visual
    // stand-out of the random "lisbon" vector may be confident too)
    List<SearchHit> lisbon =
        r.hits().stream().filter(h -> h.path().startsWith("/p/Lisbon trip 2019/")).toList();
    assertEquals(20, lisbon.size());
    assertTrue(lisbon.stream().allMatch(h -> h.confident() && h.matchedBy() == MatchedBy.FOLDER));
    int confident = r.confidentCount();
    assertTrue(confident >= 20 && confident < 25, "confident " + confident);
    assertTrue(
        r.hits().subList(0, confident).stream().allMatch(SearchHit::confident), ids(r).toString());
    assertTrue(
        r.hits().subList(confident, r.hits().size()).stream().noneMatch(SearchHit::confident));
    assertTrue(r.noConfident().isEmpty());
  }

  @Test
  void theModelsFloorKeepsAStandOutThatIsNoMatchFromBeingConfident() throws Exception {
    // "beach -people" scores a 0.7071, far above the background (cutoff ~0.04); a floor of 0.8
    // (a model's calibration) says 0.71 is no match for this model
    HybridSearch floored =
        new HybridSearch(
            new LuceneSearchBackend(index, SearchSettings.DEFAULTS.oversample()),
            new KeywordEmbedder(),
            SearchSettings.DEFAULTS.withMatchFloor(0.8));
    SearchResponse r =
        floored.search(SearchRequest.of("beach -people").withMode(SearchMode.VECTOR));
    assertEquals(0, r.confidentCount());
    assertEquals(0.8, r.threshold(), 1e-12);
    assertEquals(HybridSearch.WEAK_HITS, r.hits().size());
    assertEquals("a", r.hits().get(0).id());
    assertEquals(Optional.of(NoConfidentReason.NOT_CONFIDENT), r.noConfident());
    // without the floor the background cutoff alone decides
    assertEquals(
        1,
        service
            .search(SearchRequest.of("beach -people").withMode(SearchMode.VECTOR))
            .confidentCount());
  }

  @Test
  void saysWhyNothingIsConfident(@TempDir Path emptyDir) throws Exception {
    SearchResponse filtered =
        service.search(
            SearchRequest.of("beach")
                .withFilters(new SearchFilters(null, null, "/nowhere", null, null, null)));
    assertEquals(List.of(), filtered.hits());
    assertEquals(Optional.of(NoConfidentReason.FILTERED), filtered.noConfident());
    SearchResponse noName = service.search(SearchRequest.of("zebra").withMode(SearchMode.KEYWORD));
    assertEquals(Optional.of(NoConfidentReason.NOT_CONFIDENT), noName.noConfident());
    try (VectorIndex empty =
        VectorIndex.open(
            emptyDir, new VectorSpace("keywords", KeywordEmbedder.DIM), VectorFormat.FLOAT32)) {
      HybridSearch none =
          new HybridSearch(
              new LuceneSearchBackend(empty, SearchSettings.DEFAULTS.oversample()),
              new KeywordEmbedder(),
              SearchSettings.DEFAULTS);
      assertEquals(
          Optional.of(NoConfidentReason.EMPTY),
          none.search(SearchRequest.of("beach")).noConfident());
      assertEquals(
          Optional.of(NoConfidentReason.EMPTY),
          none.search(
                  SearchRequest.of("beach").withFilters(SearchFilters.NONE.hidingRejected(true)))
              .noConfident(),
          "rejected photos hidden by default is no filter of the person's");
    }
  }

  @Test
  void hybridModeFindsFileNamesTheVectorDoesNot() throws Exception {
    // "IMG_2041" embeds to a random direction: no vector support, but BM25 finds the file name
    SearchResponse hybrid = service.search(SearchRequest.of("IMG_2041"));
    assertEquals("c", hybrid.hits().get(0).id());
    assertTrue(hybrid.hits().get(0).textMatch());
    assertTrue(
        hybrid.hits().get(0).confident(), "a file name holding the query is confident by rule");
    SearchResponse vectorOnly =
        service.search(SearchRequest.of("IMG_2041").withMode(SearchMode.VECTOR));
    assertFalse(ids(vectorOnly).contains("c"));
    // camera names are in the text field too
    assertEquals("c", service.search(SearchRequest.of("canon")).hits().get(0).id());
  }

  @Test
  void filtersApplyInsideTheSearch() throws Exception {
    SearchRequest any =
        SearchRequest.of("sunset snow beach").withCutoff(null, false).withPage(0, 100);
    assertEquals(
        List.of("c", "d"),
        sorted(
            service.search(
                any.withFilters(new SearchFilters(null, null, "/p/snow", null, null, null)))));
    assertEquals(
        List.of("c"),
        sorted(
            service.search(
                any.withFilters(new SearchFilters(null, null, null, "Canon EOS R5", null, null)))));
    assertEquals(
        List.of("c"),
        sorted(
            service.search(
                any.withFilters(new SearchFilters(null, null, null, null, Shape.PORTRAIT, null)))));
    assertEquals(
        List.of("d"),
        sorted(
            service.search(
                any.withFilters(
                    new SearchFilters(null, null, "/p/snow", null, Shape.SQUARE, null)))));
    // short sides: a, b 600; c 480; d 300; background 800
    assertEquals(
        List.of("a", "b"),
        sorted(
            service.search(
                any.withFilters(new SearchFilters(null, null, "/p/beach", null, null, 500)))));
    // dates: a 2020 (taken), c 2021 (taken), others 2022 (mtime); to is exclusive
    assertEquals(
        List.of("a", "c"),
        sorted(
            service.search(
                any.withFilters(new SearchFilters(Y2020, Y2022, null, null, null, null)))));
    assertEquals(
        List.of("a"),
        sorted(
            service.search(
                any.withFilters(
                    new SearchFilters(
                        null,
                        Instant.parse("2020-01-01T00:00:00.001Z"),
                        null,
                        null,
                        null,
                        null)))));
  }

  @Test
  void filteredKnnMatchesExactSearch() throws Exception {
    float[] q = KeywordEmbedder.embed("snow sunset");
    var filter = FilterQueries.toQuery(new SearchFilters(null, null, "/p/snow", null, null, null));
    VectorSearch search = new VectorSearch(VectorFormat.FLOAT32, 1);
    List<ScoredDoc> exact = index.search(s -> ExactSearch.nearest(s, q, 5, filter));
    List<ScoredDoc> knn = index.search(s -> search.search(s, q, 5, filter));
    assertEquals(2, exact.size()); // c and d, each at cos 1/sqrt(2)
    assertEquals(
        exact.stream().map(ScoredDoc::doc).toList(), knn.stream().map(ScoredDoc::doc).toList());
    for (int i = 0; i < exact.size(); i++) {
      assertEquals(exact.get(i).score(), knn.get(i).score(), 1e-6);
    }
  }

  @Test
  void sortsByDateAmongConfidentMatches() throws Exception {
    SearchRequest r = SearchRequest.of("beach snow").withMode(SearchMode.VECTOR);
    assertEquals(List.of("b", "c", "a"), ids(service.search(r.withSort(SortOrder.DATE_DESC))));
    assertEquals(List.of("a", "c", "b"), ids(service.search(r.withSort(SortOrder.DATE_ASC))));
  }

  @Test
  void aFixedMinimumScoreOverridesTheCalibration() throws Exception {
    SearchResponse r =
        service.search(SearchRequest.of("beach").withMode(SearchMode.VECTOR).withCutoff(0.9, true));
    assertEquals(List.of("a"), ids(r));
    assertEquals(0.9, r.threshold());
    assertFalse(r.calibrated());
    assertEquals(1, r.confidentCount());
  }

  @Test
  void pagesThroughResults() throws Exception {
    SearchRequest all =
        SearchRequest.of("beach").withMode(SearchMode.VECTOR).withCutoff(null, false);
    List<String> first10 = ids(service.search(all.withPage(0, 10)));
    assertEquals(first10.subList(5, 10), ids(service.search(all.withPage(5, 5))));
  }

  @Test
  void requestsAreValidated() {
    assertEquals(
        "a search needs a query, an image, or both",
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.of(" ")).getMessage());
    assertEquals(
        "query is 1001 characters long, at most 1000 are allowed",
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.of("a".repeat(1001)))
            .getMessage());
    assertEquals(1000, SearchRequest.of("a".repeat(1000)).query().length());
    assertEquals(
        "limit must be 1-1000, got 1001",
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.of("x").withPage(0, 1001))
            .getMessage());
    assertEquals(
        "offset + limit must be at most 1000, got 990 + 20",
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.of("x").withPage(990, 20))
            .getMessage());
    assertEquals(
        "offset must be >= 0, got -1",
        assertThrows(IllegalArgumentException.class, () -> SearchRequest.of("x").withPage(-1, 20))
            .getMessage());
    assertEquals(
        "minScore must be between -1 and 1, got 2.0",
        assertThrows(
                IllegalArgumentException.class, () -> SearchRequest.of("x").withCutoff(2.0, true))
            .getMessage());
    assertEquals(
        "date range is empty: from 2022-01-01T00:00:00Z is not before to 2020-01-01T00:00:00Z",
        assertThrows(
                IllegalArgumentException.class,
                () -> new SearchFilters(Y2022, Y2020, null, null, null, null))
            .getMessage());
    assertEquals(
        "folder must be an absolute path, got 'photos'",
        assertThrows(
                IllegalArgumentException.class,
                () -> new SearchFilters(null, null, "photos", null, null, null))
            .getMessage());
    assertEquals(
        "unclosed quote at position 1",
        assertThrows(
                IllegalArgumentException.class, () -> service.search(SearchRequest.of("\"beach")))
            .getMessage());
  }

  List<String> sorted(SearchResponse r) {
    return ids(r).stream().sorted().toList();
  }

  @Test
  void stopWordsDoNotMatchNames() {
    KeywordAnalyzer analyzer = new LuceneKeywordAnalyzer();
    assertEquals("cat table", analyzer.keywords(" a cat on The table "));
    assertEquals("", analyzer.keywords("the of a"));
    assertEquals("IMG_2041", analyzer.keywords("IMG_2041"));
  }

  @Test
  void oneSearchAcquiresOneSearcher() throws Exception {
    // before the search session, one search acquired a searcher per query and per page document
    List<SearchRequest> searches =
        List.of(
            SearchRequest.of("beach"),
            SearchRequest.of("IMG_2041 beach"),
            SearchRequest.of("beach").withSort(SortOrder.DATE_DESC),
            SearchRequest.of("like:a"),
            SearchRequest.of("beach").withCutoff(null, false).withMode(SearchMode.VECTOR));
    for (SearchRequest request : searches) {
      long before = SearcherCount.of(index);
      SearchResponse r = service.search(request);
      assertFalse(r.hits().isEmpty(), request.toString());
      assertEquals(1, SearcherCount.of(index) - before, request.toString());
    }
  }
}
