package io.clipsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.lucene.ExactSearch;
import io.clipsearch.lucene.LuceneSearchBackend;
import io.clipsearch.lucene.ScoredDoc;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.ClipModels;
import io.clipsearch.model.image.DecodedImage;
import io.clipsearch.model.image.ImageDecodeException;
import io.clipsearch.model.image.ImageSource;
import io.clipsearch.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real pipeline: the tiny-clip fixture model embeds the fixture images into an int8 index (so
 * re-scoring runs), then {@link HybridSearch} searches it by text, by {@code like:}, with a
 * negative term and with a filter. The fixture model's weights are random, so the test checks that
 * the service ranks exactly as brute force over the model's own query vectors does, not what the
 * images show.
 */
class RealPipelineSearchTest {

  @Test
  void searchesFixtureImagesEmbeddedByTheTinyModel(@TempDir Path dir) throws Exception {
    Path images = SharedFixtures.clipFixture("images");
    try (ClipModel model = ClipModels.load(SharedFixtures.tinyClip());
        VectorIndex index =
            VectorIndex.open(
                dir, new VectorSpace(model.info().id(), model.dimension()), VectorFormat.INT8)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(images)) {
        files = s.sorted().toList();
      }
      String kittenId = null;
      int indexed = 0;
      for (Path file : files) {
        byte[] bytes = Files.readAllBytes(file);
        ImageSource source = ImageSource.of(file.getFileName().toString(), bytes);
        DecodedImage decoded;
        float[] vector;
        try {
          decoded = model.images().decode(source).image();
          vector = model.embedImage(source);
        } catch (ImageDecodeException e) {
          continue; // the fixtures include images made to fail; ingest skips them the same way
        }
        String name = file.getFileName().toString();
        String folder = name.endsWith(".jpg") ? "/photos/jpeg/" : "/photos/other/";
        String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        index.upsert(
            new ImageDoc(
                Path.of(folder + name),
                id,
                bytes.length,
                1_700_000_000_000L,
                decoded.width(),
                decoded.height(),
                PhotoMetadata.NONE,
                vector));
        kittenId = name.equals("kitten-on-lawn.jpg") ? id : kittenId;
        indexed++;
      }
      index.refresh();
      assertTrue(indexed >= 10, "indexed " + indexed);
      HybridSearch service =
          new HybridSearch(
              new LuceneSearchBackend(index, SearchSettings.DEFAULTS.oversample()),
              model,
              SearchSettings.DEFAULTS);

      // text: the ranking is brute force's over the model's text vector
      SearchRequest all =
          SearchRequest.of("a sunset at the beach")
              .withMode(SearchMode.VECTOR)
              .withCutoff(null, false)
              .withPage(0, indexed);
      assertSameAsExact(index, service.search(all), model.embedText("a sunset at the beach"));

      // a negative term: (e(sunset at the beach) - e(people)), renormalized
      float[] minus =
          QueryVectorBuilder.combine(
              model.embedTexts(List.of("sunset at the beach", "people")),
              List.of(1.0, -1.0),
              model.dimension());
      SearchResponse negative =
          service.search(
              SearchRequest.of("sunset at the beach -people")
                  .withMode(SearchMode.VECTOR)
                  .withCutoff(null, false)
                  .withPage(0, indexed));
      assertSameAsExact(index, negative, minus);

      // like: the image itself first, at cosine 1, confident by rule; the random model puts every
      // other cosine near 1 too, so whether they pass the cutoff is the kernels' rounding: only
      // that each is marked by its own score is asserted
      SearchResponse like = service.search(SearchRequest.of("like:" + kittenId));
      assertEquals(kittenId, like.hits().getFirst().id());
      assertEquals(1.0, like.hits().getFirst().score(), 1e-5);
      assertTrue(like.hits().getFirst().confident());
      for (SearchHit h : like.hits().subList(1, like.hits().size())) {
        assertEquals(h.score() >= like.threshold(), h.confident(), h.path() + " at " + h.score());
      }

      // a folder filter
      SearchResponse jpegs =
          service.search(
              all.withFilters(new SearchFilters(null, null, "/photos/jpeg", null, null, null)));
      assertTrue(jpegs.hits().size() >= 4);
      assertTrue(jpegs.hits().stream().allMatch(h -> h.path().startsWith("/photos/jpeg/")));

      // hybrid: the file name wins whatever the random model thinks
      SearchResponse osprey = service.search(SearchRequest.of("osprey"));
      assertEquals("/photos/jpeg/perched-osprey.jpg", osprey.hits().getFirst().path());
      assertTrue(osprey.hits().getFirst().textMatch());
    }
  }

  /** Same documents and scores as brute force; documents whose scores tie may swap places. */
  static void assertSameAsExact(VectorIndex index, SearchResponse r, float[] q) throws Exception {
    List<String> expectedIds = new ArrayList<>();
    List<Double> expectedScores = new ArrayList<>();
    index.search(
        s -> {
          for (ScoredDoc d : ExactSearch.nearest(s, q, r.hits().size(), null)) {
            expectedIds.add(VectorIndex.load(s, d.doc()).id());
            expectedScores.add(d.score());
          }
          return null;
        });
    assertEquals(
        expectedIds.stream().sorted().toList(),
        r.hits().stream().map(SearchHit::id).sorted().toList());
    for (int i = 0; i < expectedScores.size(); i++) {
      assertEquals(expectedScores.get(i), r.hits().get(i).score(), 1e-5);
    }
  }
}
