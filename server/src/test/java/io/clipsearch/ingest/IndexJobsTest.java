package io.clipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clipsearch.collection.CollectionOpener;
import io.clipsearch.collection.CollectionRegistry;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.index.ImageDoc;
import io.clipsearch.people.FaceFinders;
import io.clipsearch.search.SearchSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server's index job when the tag vocabulary is not ready at its start (a model's first job): it
 * scans and embeds at once, and tags what it indexed from the stored vectors once the vocabulary is
 * made; cancelled while it waits for it (a shutdown), it ends at once and leaves them untagged. On
 * the tiny-clip model with a deterministic stand-in tagger (its weights are random).
 */
class IndexJobsTest extends TinyModelIngestTestBase {

  private static final ImageTagger TAGGER = v -> List.of(v[0] >= 0 ? "zebra" : "quokka");

  @Override
  int photoCount() {
    return 6;
  }

  @Test
  void aJobTagsWhatItIndexedBeforeTheVocabularyWasReady() throws Exception {
    CompletableFuture<ImageTagger> vocabulary = new CompletableFuture<>();
    Scanned scanned = new Scanned();
    try (CollectionRegistry registry = registry();
        IndexJobs jobs = jobs(registry, vocabulary, scanned)) {
      IndexJob job = jobs.start("test");
      assertTrue(scanned.done.await(2, TimeUnit.MINUTES), "the scan did not end");
      Thread.sleep(200);
      assertTrue(job.running(), "the job waits for the vocabulary to tag what it missed");

      vocabulary.complete(TAGGER);
      awaitEnd(job);
      List<ImageDoc> docs = docs(registry.get("test"));
      assertEquals(6, docs.size());
      for (ImageDoc d : docs) {
        assertEquals(TAGGER.tags(d.vector()), d.tags(), d.path().toString());
      }
    }
  }

  @Test
  void aCancelledJobDoesNotWaitForTheVocabulary() throws Exception {
    CompletableFuture<ImageTagger> never = new CompletableFuture<>();
    try (CollectionRegistry registry = registry()) {
      Scanned scanned = new Scanned();
      IndexJobs jobs = jobs(registry, never, scanned);
      IndexJob job = jobs.start("test");
      assertTrue(scanned.done.await(2, TimeUnit.MINUTES), "the scan did not end");
      jobs.close(); // what a shutdown does: cancel, wait for the commit
      assertTrue(job.finished().isPresent(), "the job ended");
      List<ImageDoc> docs = docs(registry.get("test"));
      assertEquals(6, docs.size(), "every photo indexed and committed");
      assertTrue(docs.stream().allMatch(d -> d.tags().isEmpty()), "left untagged");
    }
  }

  private CollectionRegistry registry() throws Exception {
    CollectionOpener opener = CollectionOpener.embedded(layout.dataDir(), model);
    opener.define("test", List.of(photos), Optional.empty());
    return new CollectionRegistry(opener, c -> {});
  }

  private IndexJobs jobs(
      CollectionRegistry registry, CompletableFuture<ImageTagger> vocabulary, Scanned scanned) {
    return new IndexJobs(
        registry,
        model,
        () -> new DeferredTagger(vocabulary),
        FaceFinders.off(),
        IngestOptions.defaults(),
        scanned);
  }

  private static void awaitEnd(IndexJob job) throws InterruptedException {
    for (int i = 0; i < 1200 && job.running(); i++) {
      Thread.sleep(100);
    }
    assertTrue(job.finished().isPresent(), "the job did not end");
    assertTrue(job.failure().isEmpty(), () -> "failed: " + job.failure().orElseThrow());
  }

  private static List<ImageDoc> docs(OpenCollection c) throws Exception {
    c.index().refresh();
    List<ImageDoc> out = new ArrayList<>();
    try (SearchSession s = c.backend().session()) {
      s.forEach(out::add);
    }
    return out;
  }

  /** Counts down when a job reports its scan and embedding done. */
  private static final class Scanned implements IndexJobs.Observer {
    final CountDownLatch done = new CountDownLatch(1);

    @Override
    public void started(IndexJob job) {}

    @Override
    public void progress(IndexJob job, IngestProgress progress) {
      if (progress.phase() == IngestProgress.Phase.DONE) {
        done.countDown();
      }
    }

    @Override
    public void ended(IndexJob job) {}
  }
}
