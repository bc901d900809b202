package io.clipsearch.cli;

import io.clipsearch.cluster.ClusterSettings;
import io.clipsearch.cluster.ClusterStore;
import io.clipsearch.cluster.ClusterUpdater;
import io.clipsearch.cluster.CollectionOrganizer;
import io.clipsearch.cluster.LabelVocabulary;
import io.clipsearch.cluster.ZeroShotLabeler;
import io.clipsearch.collection.CollectionLayout;
import io.clipsearch.collection.CollectionOpener;
import io.clipsearch.collection.OpenCollection;
import io.clipsearch.model.ClassVectorCache;
import io.clipsearch.model.ClipModel;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --data} and {@code --collection}, and opening that collection for a model through the one
 * {@link CollectionOpener} (embedded index, the shared defaults).
 */
final class CollectionOptions {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      converter = DataFolder.class,
      description = "data folder (default: " + DataFolder.DESCRIPTION + ")",
      defaultValue = DataFolder.DEFAULT)
  Path data;

  @Option(
      names = "--collection",
      paramLabel = "NAME",
      defaultValue = "default",
      description = "collection (default: ${DEFAULT-VALUE})")
  String collection;

  /**
   * Refuses a collection that does not exist, before a model is loaded for it.
   *
   * @throws io.clipsearch.collection.NoSuchCollectionException if there is none
   */
  void requireExists() throws IOException {
    CollectionOpener.config(data, collection);
  }

  /** The collections of the data folder, opened for this model. */
  CollectionOpener opener(ClipModel model) {
    return CollectionOpener.embedded(data, model);
  }

  /**
   * Opens the collection, which must have an index for this model; the caller closes it.
   *
   * @throws io.clipsearch.collection.NoSuchCollectionException if there is no such collection or no
   *     index for the model
   */
  OpenCollection open(ClipModel model) throws IOException {
    return opener(model).openIndexed(collection);
  }

  /**
   * Clusters, map and duplicates of the open collection, results kept under its {@code clusters/}.
   */
  static CollectionOrganizer organizer(OpenCollection c, ClipModel model) {
    ClassVectorCache cache =
        new ClassVectorCache(CollectionLayout.classVectorsDir(c.layout().dataDir()));
    ClusterUpdater updater =
        new ClusterUpdater(
            ZeroShotLabeler.of(LabelVocabulary.defaults(), model, cache), ClusterSettings.DEFAULTS);
    return new CollectionOrganizer(
        c.index(),
        c.backend(),
        new ClusterStore(c.layout().clustersDir()),
        updater,
        ClusterSettings.DEFAULTS.seed());
  }
}
