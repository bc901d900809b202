package io.clipsearch.api;

import io.clipsearch.api.config.DataConfig;
import io.clipsearch.cluster.LabelVocabulary;
import io.clipsearch.cluster.ZeroShotLabeler;
import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.model.ClassVectorCache;
import io.clipsearch.model.ClipModel;
import jakarta.inject.Singleton;

/**
 * The server's one zero-shot labeler over the bundled vocabulary: tags for index jobs and re-tags,
 * names for clusters. Made on first use, its label vectors read from the data folder's {@link
 * ClassVectorCache} when the model embedded them before (one text-tower pass per model, not per
 * server start). Thread-safe.
 */
@Singleton
public class ServerLabeler {

  private final ClipModel model;
  private final ClassVectorCache cache;
  private volatile ZeroShotLabeler labeler;

  public ServerLabeler(ClipModel model, DataConfig data) {
    this.model = model;
    this.cache = new ClassVectorCache(CollectionLayout.classVectorsDir(data.dir()));
  }

  /** The labeler, made by the first caller while later ones wait. */
  public ZeroShotLabeler get() {
    ZeroShotLabeler l = labeler;
    if (l == null) {
      synchronized (this) {
        if (labeler == null) {
          labeler = ZeroShotLabeler.of(LabelVocabulary.defaults(), model, cache);
        }
        l = labeler;
      }
    }
    return l;
  }
}
