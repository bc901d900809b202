package io.clipsearch.ingest;

import io.clipsearch.collection.CollectionOpener;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.model.ClipModel;
import io.clipsearch.people.PhotoFaces;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds every collection again with another model, into that model's own index beside the one in
 * use ({@code <collection>/index/<model id>/}), so searches go on over the old index meanwhile.
 * Each collection is one {@link IngestJob} over its folders; thumbnails are shared, so none is
 * written again. Resumable as any ingest: a re-index stopped part way keeps what it committed, and
 * the next one skips those files.
 *
 * <p>{@link #run} runs on the caller's thread, one collection after the other; {@link #cancel()}
 * from any thread. The collections it opens are the caller's once it returns them; on failure or
 * cancellation it closes them itself (committed, so nothing is lost).
 */
public final class ModelReindex {

  /** Told of the progress, on the thread running {@link #run}; must not throw. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param collection the collection being re-indexed
     * @param done collections finished before it
     * @param progress its ingest's latest snapshot
     */
    void progress(String collection, int done, IngestProgress progress);
  }

  private static final Logger log = LoggerFactory.getLogger(ModelReindex.class);

  private final CollectionOpener opener;
  private final ClipModel model;
  private final ImageTagger tagger;
  private final IngestOptions options;
  private volatile boolean cancelled;
  private volatile IngestJob running;

  /**
   * @param opener opens the collections for {@code model}
   * @param model the model to embed with
   * @param tagger tags each image from its new vector
   */
  public ModelReindex(
      CollectionOpener opener, ClipModel model, ImageTagger tagger, IngestOptions options) {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.model = Objects.requireNonNull(model, "model");
    this.tagger = Objects.requireNonNull(tagger, "tagger");
    this.options = Objects.requireNonNull(options, "options");
  }

  /**
   * Re-indexes the named collections, in order.
   *
   * @return each collection, open for the model with its new index complete and committed
   * @throws CancellationException if {@link #cancel()} stopped it
   * @throws IOException if an index cannot be opened or written
   */
  public Map<String, OpenCollection> run(List<String> names, Listener listener) throws IOException {
    Map<String, OpenCollection> opened = new LinkedHashMap<>();
    boolean complete = false;
    try {
      for (String name : names) {
        OpenCollection c = opener.open(name);
        opened.put(name, c);
        int done = opened.size() - 1;
        IngestJob job =
            new IngestJob(
                model,
                c.index(),
                c.backend(),
                c.thumbs(),
                c.config().roots(),
                options,
                tagger,
                // faces are kept by content, not model: they outlive the switch as they are
                PhotoFaces.OFF,
                p -> listener.progress(name, done, p));
        running = job;
        if (cancelled) {
          throw new CancellationException("re-index for " + model.info().id() + " cancelled");
        }
        IngestReport report = job.run();
        if (cancelled || report.cancelled()) {
          throw new CancellationException("re-index for " + model.info().id() + " cancelled");
        }
        c.index().refresh();
        log.info(
            "re-indexed collection {} for {}: {}", name, model.info().id(), report.counts().line());
      }
      complete = true;
      return opened;
    } finally {
      running = null;
      if (!complete) {
        opened.values().forEach(ModelReindex::closeQuietly);
      }
    }
  }

  /** Stops the re-index soon; what it committed stays for the next one. Any thread, any time. */
  public void cancel() {
    cancelled = true;
    IngestJob job = running;
    if (job != null) {
      job.cancel();
    }
  }

  private static void closeQuietly(OpenCollection c) {
    try {
      c.close();
    } catch (IOException | RuntimeException e) {
      log.warn("closing the new index of collection {} failed", c.name(), e);
    }
  }
}
