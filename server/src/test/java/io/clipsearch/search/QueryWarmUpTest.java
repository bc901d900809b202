package io.clipsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.index.ImageDoc;
import io.clipsearch.index.PhotoMetadata;
import io.clipsearch.index.VectorFormat;
import io.clipsearch.index.VectorSpace;
import io.clipsearch.lucene.LuceneSearchBackend;
import io.clipsearch.lucene.VectorIndex;
import io.clipsearch.model.ClipModel;
import io.clipsearch.model.EmbeddingException;
import io.clipsearch.model.ImagePipeline;
import io.clipsearch.model.ModelInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link QueryWarmUp} over a real index: what it runs, and that it ends at the first failure. */
class QueryWarmUpTest {

  @TempDir Path dir;

  /** The keyword embedder, recording each text it embeds, failing from the given call on. */
  static final class RecordingModel implements ClipModel {
    final List<String> texts = new ArrayList<>();
    final int failFrom;

    RecordingModel(int failFrom) {
      this.failFrom = failFrom;
    }

    @Override
    public synchronized List<float[]> embedTexts(List<String> batch) {
      if (texts.size() >= failFrom) {
        throw new EmbeddingException("the model was closed");
      }
      texts.addAll(batch);
      return batch.stream().map(KeywordEmbedder::embed).toList();
    }

    @Override
    public int dimension() {
      return KeywordEmbedder.DIM;
    }

    @Override
    public ModelInfo info() {
      throw new UnsupportedOperationException();
    }

    @Override
    public ImagePipeline images() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {}
  }

  private VectorIndex index() throws Exception {
    VectorIndex index =
        VectorIndex.open(
            dir, new VectorSpace("keywords", KeywordEmbedder.DIM), VectorFormat.FLOAT32);
    for (String word : KeywordEmbedder.AXES.keySet()) {
      index.upsert(
          new ImageDoc(
              Path.of("/p/" + word + ".jpg"),
              word,
              1000,
              0,
              640,
              480,
              PhotoMetadata.NONE,
              KeywordEmbedder.axis(word)));
    }
    index.refresh();
    return index;
  }

  private static HybridSearch search(VectorIndex index, ClipModel model) {
    return new HybridSearch(
        new LuceneSearchBackend(index, SearchSettings.DEFAULTS.oversample()),
        model,
        SearchSettings.DEFAULTS);
  }

  @Test
  void runsEveryPromptOnceThroughTheTextTowerFromAFewWordsToALongSentence() throws Exception {
    RecordingModel model = new RecordingModel(Integer.MAX_VALUE);
    try (VectorIndex index = index()) {
      assertEquals(QueryWarmUp.PROMPTS.size(), QueryWarmUp.run(search(index, model), () -> false));
    }

    assertEquals(QueryWarmUp.PROMPTS, model.texts, "each prompt embedded once, in order");
    assertEquals(QueryWarmUp.PROMPTS.size(), new HashSet<>(model.texts).size(), "all distinct");
    List<Integer> words =
        QueryWarmUp.PROMPTS.stream().map(p -> p.split(" ").length).sorted().toList();
    assertTrue(words.getFirst() <= 2 && words.getLast() >= 15, "lengths " + words);
  }

  @Test
  void endsAtTheFirstFailingSearch() throws Exception {
    RecordingModel model = new RecordingModel(5);
    try (VectorIndex index = index()) {
      assertEquals(
          5, QueryWarmUp.run(search(index, model), () -> false), "the model failed at the 6th");
    }
    VectorIndex closed = index();
    HybridSearch search = search(closed, new RecordingModel(Integer.MAX_VALUE));
    closed.close();

    assertEquals(0, QueryWarmUp.run(search, () -> false), "the index was closed");
  }

  @Test
  void stopsBeforeTheNextSearchWhenAsked() throws Exception {
    RecordingModel model = new RecordingModel(Integer.MAX_VALUE);
    try (VectorIndex index = index()) {
      assertEquals(3, QueryWarmUp.run(search(index, model), () -> model.texts.size() >= 3));
    }
    assertEquals(QueryWarmUp.PROMPTS.subList(0, 3), model.texts);
  }
}
