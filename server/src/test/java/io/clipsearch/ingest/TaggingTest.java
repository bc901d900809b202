package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.collection.ThumbnailStore;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.lucene.IndexReads;
import io.clipsearch.lucene.LuceneSearchBackend;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.people.PhotoFaces;
import io.clipsearch.search.HybridSearch;
import io.clipsearch.search.SearchMode;
import io.clipsearch.search.SearchRequest;
import io.clipsearch.search.SearchResponse;
import io.clipsearch.search.SearchSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Tags end to end on the tiny-clip fixture: written at index time, re-written from stored vectors
 * by {@link Retagger}, and found by a keyword search. The fixture's weights are random, so the
 * tagger is a deterministic stand-in (the sign of the first vector component picks a word that no
 * file or folder name contains) and the assertions are about plumbing, not about what the photos
 * show.
 */
class TaggingTest extends TinyModelIngestTestBase {

  private static final int PHOTOS = 8;

  /** "zebra" or "quokka" by the sign of the first component, plus "fauna" for every image. */
  private static final ImageTagger TAGGER = v -> List.of(v[0] >= 0 ? "zebra" : "quokka", "fauna");

  @Override
  int photoCount() {
    return PHOTOS;
  }

  private void ingest(VectorIndex index, ImageTagger tagger) throws IOException {
    new IngestJob(
            model,
            index,
            IndexReads.backend(index),
            new ThumbnailStore(layout.thumbsDir()),
            List.of(photos),
            IngestOptions.defaults(),
            tagger,
            PhotoFaces.OFF,
            p -> {})
        .run();
    index.refresh();
  }

  private static Map<Path, ImageDoc> docs(VectorIndex index) throws IOException {
    Map<Path, ImageDoc> out = new TreeMap<>();
    IndexReads.forEach(index, d -> out.put(d.path(), d));
    return out;
  }

  @Test
  void tagsAreStoredAtIndexTimeAndFoundByKeyword() throws Exception {
    try (VectorIndex index = openIndex()) {
      ingest(index, TAGGER);
      Map<Path, ImageDoc> docs = docs(index);
      assertEquals(PHOTOS, docs.size());
      for (ImageDoc d : docs.values()) {
        assertEquals(TAGGER.tags(d.vector()), d.tags(), d.path().toString());
        assertEquals(
            d, IndexReads.findByPath(index, d.path()).orElseThrow()); // round trip, tags included
      }

      // the keyword search finds exactly the images carrying the tag, none by name
      String tag = docs.values().iterator().next().tags().getFirst();
      Set<Path> tagged =
          docs.values().stream()
              .filter(d -> d.tags().contains(tag))
              .map(ImageDoc::path)
              .collect(Collectors.toSet());
      assertTrue(docs.keySet().stream().noneMatch(p -> p.toString().contains(tag)));
      HybridSearch search =
          new HybridSearch(
              new LuceneSearchBackend(index, SearchSettings.DEFAULTS.oversample()),
              model,
              SearchSettings.DEFAULTS);
      SearchResponse r =
          search.search(SearchRequest.of(tag).withCutoff(null, false).withPage(0, PHOTOS));
      Set<Path> matched =
          r.hits().stream()
              .filter(h -> h.textMatch())
              .map(h -> Path.of(h.path()))
              .collect(Collectors.toSet());
      assertEquals(tagged, matched);
      // tags label hits (matchedBy) but only the keyword mode ranks by them (docs/SEARCH.md)
      SearchResponse byKeyword =
          search.search(
              SearchRequest.of(tag)
                  .withMode(SearchMode.KEYWORD)
                  .withCutoff(null, false)
                  .withPage(0, PHOTOS));
      assertTrue(
          tagged.contains(Path.of(byKeyword.hits().getFirst().path())),
          "a tagged image ranks first");
    }
  }

  @Test
  void retaggingRewritesTagsFromStoredVectorsAndKeepsEverythingElse() throws Exception {
    try (VectorIndex index = openIndex()) {
      ingest(index, ImageTagger.NONE);
      Map<Path, ImageDoc> before = docs(index);
      assertTrue(before.values().stream().allMatch(d -> d.tags().isEmpty()));

      assertEquals(PHOTOS, new Retagger(index, IndexReads.backend(index), TAGGER).run());

      Map<Path, ImageDoc> after = docs(index);
      assertEquals(before.keySet(), after.keySet());
      List<String> fauna = new ArrayList<>();
      for (ImageDoc old : before.values()) {
        ImageDoc now = after.get(old.path());
        assertEquals(old.withTags(TAGGER.tags(old.vector())), now);
        assertArrayEquals(old.vector(), now.vector());
        fauna.add(now.path().toString());
      }
      SearchResponse r =
          new HybridSearch(
                  new LuceneSearchBackend(index, SearchSettings.DEFAULTS.oversample()),
                  model,
                  SearchSettings.DEFAULTS)
              .search(SearchRequest.of("fauna").withCutoff(null, false).withPage(0, PHOTOS));
      assertEquals(PHOTOS, r.hits().stream().filter(h -> h.textMatch()).count(), fauna.toString());

      // an unchanged re-run keeps the stored tags (re-used documents are not re-tagged)
      ingest(index, ImageTagger.NONE);
      assertEquals(after, docs(index));
    }
  }

  @Test
  void photosIndexedBeforeTheVocabularyIsReadyAreTaggedAfterwardsAndOnlyThey() throws Exception {
    try (VectorIndex index = openIndex()) {
      CompletableFuture<ImageTagger> vocabulary = new CompletableFuture<>();
      DeferredTagger deferred = new DeferredTagger(vocabulary);
      ingest(index, deferred);
      assertEquals(PHOTOS, deferred.missed(), "the run did not wait for the vocabulary");
      assertTrue(docs(index).values().stream().allMatch(d -> d.tags().isEmpty()));

      ImageDoc first = docs(index).values().iterator().next();
      List<String> kept = List.of("kept");
      index.upsert(first.withTags(kept)); // one already tagged: runUntagged leaves it
      index.commit();
      index.refresh();

      vocabulary.complete(TAGGER);
      assertEquals(
          PHOTOS - 1,
          new Retagger(index, IndexReads.backend(index), deferred.await()).runUntagged());
      for (ImageDoc d : docs(index).values()) {
        assertEquals(
            d.path().equals(first.path()) ? kept : TAGGER.tags(d.vector()),
            d.tags(),
            d.path().toString());
      }
      assertEquals(TAGGER.tags(first.vector()), deferred.tags(first.vector()), "ready: it tags");
    }
  }
}
