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
 * server start); made again when the active model has changed since. Thread-safe.
 */
@Singleton
public class ServerLabeler {

  private final ClipModel model;
  private final ClassVectorCache cache;
  private volatile ForModel labeler;

  /** A labeler and the id of the model whose label vectors it holds. */
  private record ForModel(String modelId, ZeroShotLabeler labeler) {}

  public ServerLabeler(ClipModel model, DataConfig data) {
    this.model = model;
    this.cache = new ClassVectorCache(CollectionLayout.classVectorsDir(data.dir()));
  }

  /** The active model's labeler, made by the first caller while later ones wait. */
  public ZeroShotLabeler get() {
    String id = model.info().id();
    ForModel l = labeler;
    if (l == null || !l.modelId().equals(id)) {
      synchronized (this) {
        if (labeler == null || !labeler.modelId().equals(id)) {
          labeler = new ForModel(id, of(model));
        }
        l = labeler;
      }
    }
    return l.labeler();
  }

  /** A labeler for another model than the active one: a model the library is switching to. */
  ZeroShotLabeler of(ClipModel other) {
    return ZeroShotLabeler.of(LabelVocabulary.defaults(), other, cache);
  }
}
